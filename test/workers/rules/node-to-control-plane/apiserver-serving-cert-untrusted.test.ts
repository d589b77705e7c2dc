import rule from '../../../../src/rules/node-to-control-plane/apiserver-serving-cert-untrusted';
import { ruleTester } from '../../../support/rule-tester';
import { OPTIONS, kubeadm, pem, replace } from '../../../support/pki-uploads';

const APISERVER = '/etc/kubernetes/pki/apiserver.crt';

ruleTester(rule, {
  valid: [
    { name: 'the right kubeadm PKI', files: kubeadm(), options: OPTIONS },
    {
      name: 'a chain: the API server file carries an intermediate the cluster CA signed',
      files: replace(
        kubeadm({ apiserver: 'signed-by-intermediate' }),
        APISERVER,
        pem('signed-by-intermediate') + pem('intermediate-ca'),
      ),
      options: OPTIONS,
    },
    {
      name: 'signed with RSA-PSS (salt 32) by the cluster CA',
      files: kubeadm({ apiserver: 'algo-rsa-pss-32' }),
      options: OPTIONS,
    },
  ],
  invalid: [
    {
      name: 'signed by another CA with the very same name: only the signature tells',
      files: kubeadm({ apiserver: 'apiserver-other-ca' }),
      options: OPTIONS,
      findings: [
        {
          file: APISERVER,
          line: 1,
          messageIncludes: ['--root-ca-file', 'certificate-authority-data', 'another CA of the same name'],
        },
      ],
    },
    {
      name: 'an MD5 signature, which Kubernetes cannot check',
      files: kubeadm({ apiserver: 'apiserver-md5' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'MD5 is not a digest Kubernetes accepts' }],
    },
    {
      name: 'a chain whose intermediate is missing from the file',
      files: kubeadm({ apiserver: 'signed-by-intermediate' }),
      options: OPTIONS,
      findings: [{ file: APISERVER, messageIncludes: 'is issued by CN=intermediate-ca, which is not in' }],
    },
  ],
  notEvaluated: [
    {
      name: '--tls-cert-file names a file that was not uploaded',
      files: kubeadm().filter((file) => file.name !== APISERVER),
      options: OPTIONS,
      reasonIncludes: '/etc/kubernetes/pki/apiserver.crt was not uploaded',
    },
  ],
});
