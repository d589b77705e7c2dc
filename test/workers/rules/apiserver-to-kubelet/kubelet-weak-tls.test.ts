import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-weak-tls';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const cmdline = '/proc/kubelet-cmdline.txt';

ruleTester(rule, {
  valid: [
    { name: 'unset: Go defaults', files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig() }] },
    {
      name: 'TLS 1.2 and AEAD suites',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig(
            'tlsMinVersion: VersionTLS12\ntlsCipherSuites:\n- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n- TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256\n',
          ),
        },
      ],
    },
    {
      name: 'without --config, TLS 1.3 by flag',
      files: [{ name: cmdline, content: kubeletCommandLine(['--tls-min-version=VersionTLS13']) }],
    },
  ],
  invalid: [
    {
      name: 'TLS 1.0 and a 3DES suite in the config file: two findings',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig(
            'tlsMinVersion: VersionTLS10\ntlsCipherSuites:\n- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n- TLS_RSA_WITH_3DES_EDE_CBC_SHA\n',
          ),
        },
      ],
      findings: [
        { line: 3, messageIncludes: 'tlsMinVersion: VersionTLS10' },
        { line: 4, messageIncludes: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' },
      ],
    },
    {
      name: 'flags beat a safe file',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([
            `--config=${KUBELET_CONFIG_PATH}`,
            '--tls-cipher-suites=TLS_RSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
          ]),
        },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig('tlsMinVersion: VersionTLS12\n') },
      ],
      findings: [{ file: cmdline, messageIncludes: 'insecure cipher suites TLS_RSA_WITH_AES_128_CBC_SHA:' }],
    },
  ],
});
