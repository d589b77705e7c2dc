import rule from '../../../../src/rules/node-to-control-plane/client-cert-untrusted';
import { kubeconfig } from '../../../../src/rules/support/examples';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm, pem } from '../../../support/pki-uploads';

const controllerManager = (cert: string) =>
  kubeconfig(
    '/etc/kubernetes/controller-manager.conf',
    ['server: https://10.0.0.10:6443'],
    'system:kube-controller-manager',
    [`client-certificate-data: ${btoa(pem(cert))}`],
  );

ruleTester(rule, {
  valid: [
    { name: 'the right kubeadm PKI', files: kubeadm(), options: OPTIONS },
    {
      name: 'a component kubeconfig whose client-certificate-data the cluster CA signed',
      files: kubeadm({}, [controllerManager('controller-manager')]),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: "the kubelet's client certificate from another CA with the same name",
      files: kubeadm({ kubeletClient: 'kubelet-client-other-ca' }),
      options: OPTIONS,
      findings: [
        {
          file: '/var/lib/kubelet/pki/kubelet-client-current.pem',
          messageIncludes: ['--client-ca-file=/etc/kubernetes/pki/ca.crt', '401 Unauthorized'],
        },
      ],
    },
    {
      name: "client-certificate-data from another CA, reported at the kubeconfig's field",
      files: kubeadm({}, [controllerManager('apiserver-kubelet-client-other-ca')]),
      options: OPTIONS,
      findings: [{ file: '/etc/kubernetes/controller-manager.conf', line: 16 }],
    },
  ],
});
