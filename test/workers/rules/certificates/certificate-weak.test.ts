import rule from '../../../../src/rules/certificates/certificate-weak';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm } from '../../../support/pki-uploads';

const APISERVER = '/etc/kubernetes/pki/apiserver.crt';

ruleTester(rule, {
  valid: [
    // ca.crt is self-signed with SHA-256 and RSA-2048: a root's own signature is never weak anyway.
    { name: 'the right kubeadm PKI (RSA-2048, SHA-256)', files: kubeadm(), options: OPTIONS },
    { name: 'an RSA-PSS signature', files: kubeadm({ apiserver: 'algo-rsa-pss-32' }), options: OPTIONS },
  ],
  invalid: [
    {
      name: 'a 1024-bit RSA key',
      files: kubeadm({ apiserver: 'apiserver-weak-key' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'a 1024-bit RSA key' }],
    },
    {
      name: 'a SHA-1 signature',
      files: kubeadm({ apiserver: 'apiserver-sha1' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'sha1WithRSAEncryption signature' }],
    },
    {
      name: 'an MD5 signature',
      files: kubeadm({ apiserver: 'apiserver-md5' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'md5WithRSAEncryption signature' }],
    },
    {
      name: 'an EC key on P-192',
      files: kubeadm({ apiserver: 'algo-p192-key' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'an EC key on P-192' }],
    },
  ],
});
