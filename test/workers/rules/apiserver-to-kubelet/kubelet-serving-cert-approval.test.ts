import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-serving-cert-approval';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'no serving-certificate bootstrap (config file default false)',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig() }],
    },
    {
      name: 'a given certificate, no bootstrap, without --config',
      files: [{ name: 'ps.txt', content: kubeletCommandLine(['--tls-cert-file=/pki/kubelet.crt']) }],
    },
  ],
  invalid: [
    {
      name: 'serverTLSBootstrap: true',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('serverTLSBootstrap: true\n') }],
      findings: [{ line: 3, severity: 'info', messageIncludes: 'kubernetes.io/kubelet-serving CSR' }],
    },
    {
      name: '--rotate-server-certificates without --config',
      files: [{ name: 'ps.txt', content: kubeletCommandLine(['--rotate-server-certificates']) }],
      findings: [{ file: 'ps.txt', messageIncludes: '--rotate-server-certificates=true' }],
    },
  ],
});
