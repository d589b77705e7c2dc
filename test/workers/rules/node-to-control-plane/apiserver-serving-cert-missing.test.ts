import rule from '../../../../src/rules/node-to-control-plane/apiserver-serving-cert-missing';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');

ruleTester(rule, {
  valid: [
    {
      name: 'certificate and key set',
      files: [
        {
          name: file,
          content: apiserverPod([
            '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
            '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
          ]),
        },
      ],
    },
    {
      name: 'only the certificate: it does not start (tls-key-pair-incomplete), it is not self-signed',
      files: [{ name: file, content: apiserverPod(['--tls-cert-file=/etc/kubernetes/pki/apiserver.crt']) }],
    },
    {
      name: 'only the key: the same',
      files: [
        { name: file, content: apiserverPod(['--tls-private-key-file=/etc/kubernetes/pki/apiserver.key']) },
      ],
    },
  ],
  invalid: [
    {
      name: 'neither set',
      files: [{ name: file, content: apiserverPod(['--secure-port=6443']) }],
      findings: [
        {
          file,
          line: 8,
          locationDefault: true,
          messageIncludes: 'sets neither --tls-cert-file nor --tls-private-key-file',
        },
      ],
    },
  ],
});
