import rule from '../../../../src/rules/certificates/certificate-expiring-soon';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm } from '../../../support/pki-uploads';

const APISERVER = '/etc/kubernetes/pki/apiserver.crt';
const EXPIRING = kubeadm({ apiserver: 'apiserver-expiring' });

ruleTester(rule, {
  valid: [
    { name: 'the right kubeadm PKI at asOf', files: kubeadm(), options: OPTIONS },
    {
      name: 'expiring in 14 days, with certificateWarningDays 7',
      files: EXPIRING,
      options: { ...OPTIONS, certificateWarningDays: 7 },
    },
    {
      name: 'an expired certificate is certificate-expired’s, not this rule’s',
      files: kubeadm({ apiserver: 'apiserver-expired' }),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: "the API server's certificate expires 14 days after asOf (default 30 days)",
      files: EXPIRING,
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: ['expires on 2026-06-15T00:00:00Z', 'in 14 days'] }],
    },
    {
      name: 'every certificate expires within 400 days of an asOf in late 2033',
      files: kubeadm(),
      options: { asOf: new Date('2033-12-01T00:00:00Z'), certificateWarningDays: 400 },
      findings: [
        { file: APISERVER, messageIncludes: 'certificateWarningDays 400' },
        { file: '/etc/kubernetes/pki/ca.crt' },
        { file: '/etc/kubernetes/pki/ca.crt' },
        { file: '/etc/kubernetes/pki/apiserver-kubelet-client.crt' },
        { file: '/var/lib/kubelet/pki/kubelet-server-current.pem' },
        { file: '/var/lib/kubelet/pki/kubelet-client-current.pem' },
      ],
    },
  ],
});
