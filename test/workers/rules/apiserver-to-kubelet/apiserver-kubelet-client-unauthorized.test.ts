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
    {
      name: 'twelve kubelets authorize by Webhook: ten named',
      files: kubeadm({ apiserverKubeletClient: 'apiserver-kubelet-client-no-rbac' }).flatMap((f) =>
        f.name === '/var/lib/kubelet/config.yaml'
          ? Array.from({ length: 12 }, (_, i) => ({ ...f, name: `node-${i}${f.name}` }))
          : [f],
      ),
      options: OPTIONS,
      findings: [
        {
          file: '/etc/kubernetes/pki/apiserver-kubelet-client.crt',
          messageIncludes: [
            'grants it nodes/proxy: kubelet on node node-0, kubelet on node node-1, ',
            'kubelet on node node-9 and 2 more authorize by Webhook and answer logs and exec with 403.',
          ],
        },
      ],
    },
  ],
});
