import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-serving-cert-untrusted';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm } from '../../../support/pki-uploads';

const SERVING = '/var/lib/kubelet/pki/kubelet-server-current.pem';

ruleTester(rule, {
  valid: [
    { name: 'a bootstrapped serving certificate from the cluster CA', files: kubeadm(), options: OPTIONS },
    {
      // kubelet-serving-cert-unverifiable reports it: one problem, one finding.
      name: "the kubelet's own self-signed certificate and CA",
      files: kubeadm({ kubeletServing: 'kubelet-self-signed' }),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: 'a serving certificate from another CA with the same name as the cluster CA',
      files: kubeadm({ kubeletServing: 'kubelet-serving-other-ca' }),
      options: OPTIONS,
      findings: [
        {
          file: SERVING,
          messageIncludes: [
            '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
            'another CA of the same name',
          ],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      name: 'the serving certificate was not uploaded',
      files: kubeadm().filter((file) => file.name !== SERVING),
      options: OPTIONS,
      reasonIncludes: '/var/lib/kubelet/pki/kubelet-server-current.pem was not uploaded',
    },
  ],
});
