import rule from '../../../../src/rules/apiserver-to-kubelet/apiserver-kubelet-client-unauthorized';
import { file, lines } from '../../../../src/rules/support/examples';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm } from '../../../support/pki-uploads';

const userBinding = file(
  'kubelet-api-admin.yaml',
  lines(
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRoleBinding',
    'metadata:',
    '  name: kube-apiserver-kubelet-client',
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    '  kind: ClusterRole',
    '  name: system:kubelet-api-admin',
    'subjects:',
    '- kind: User',
    '  name: kube-apiserver-kubelet-client',
  ),
);

ruleTester(rule, {
  valid: [
    { name: 'O=kubeadm:cluster-admins, bound to cluster-admin', files: kubeadm(), options: OPTIONS },
    {
      name: 'its CN bound as a user to system:kubelet-api-admin',
      files: kubeadm({ apiserverKubeletClient: 'apiserver-kubelet-client-no-rbac' }, [userBinding]),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: 'a group nothing binds',
      files: kubeadm({ apiserverKubeletClient: 'apiserver-kubelet-client-no-rbac' }),
      options: OPTIONS,
      findings: [
        {
          file: '/etc/kubernetes/pki/apiserver-kubelet-client.crt',
          messageIncludes: [
            'user kube-apiserver-kubelet-client in groups example:nobody',
            'nodes/proxy',
            '403',
          ],
        },
      ],
    },
  ],
});
