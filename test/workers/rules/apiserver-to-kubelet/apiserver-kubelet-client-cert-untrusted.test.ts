import rule from '../../../../src/rules/apiserver-to-kubelet/apiserver-kubelet-client-cert-untrusted';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm } from '../../../support/pki-uploads';

ruleTester(rule, {
  valid: [{ name: 'the right kubeadm PKI', files: kubeadm(), options: OPTIONS }],
  invalid: [
    {
      name: '--kubelet-client-certificate from a CA the kubelets do not trust',
      files: kubeadm({ apiserverKubeletClient: 'apiserver-kubelet-client-other-ca' }),
      options: OPTIONS,
      findings: [
        {
          file: '/etc/kubernetes/pki/apiserver-kubelet-client.crt',
          messageIncludes: ['authentication.x509.clientCAFile: /etc/kubernetes/pki/ca.crt', '401'],
        },
      ],
    },
  ],
});
