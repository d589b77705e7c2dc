import rule from '../../../../src/rules/node-to-control-plane/apiserver-weak-tls';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const file = manifestPath('kube-apiserver');
const pod = (flags: string[]) => [{ name: file, content: apiserverPod(flags) }];

ruleTester(rule, {
  valid: [
    { name: 'Go defaults', files: pod(['--secure-port=6443']) },
    {
      name: 'TLS 1.2 with ECDHE GCM suites',
      files: pod([
        '--tls-min-version=VersionTLS12',
        '--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      ]),
    },
  ],
  invalid: [
    {
      name: 'TLS 1.0 allowed',
      files: pod(['--tls-min-version=VersionTLS10']),
      findings: [{ file, line: 10, messageIncludes: '--tls-min-version=VersionTLS10' }],
    },
    {
      name: 'insecure suites',
      files: pod(['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA']),
      findings: [{ line: 10, messageIncludes: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' }],
    },
  ],
});
