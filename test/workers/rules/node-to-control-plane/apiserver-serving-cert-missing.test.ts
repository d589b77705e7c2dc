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
          messageIncludes: '--tls-cert-file or --tls-private-key-file',
        },
      ],
    },
    {
      name: 'key missing',
      files: [{ name: file, content: apiserverPod(['--tls-cert-file=/etc/kubernetes/pki/apiserver.crt']) }],
      findings: [{ messageIncludes: 'does not set --tls-private-key-file' }],
    },
  ],
});
