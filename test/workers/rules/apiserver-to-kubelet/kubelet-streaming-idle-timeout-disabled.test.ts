import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-streaming-idle-timeout-disabled';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const cmdline = '/proc/kubelet-cmdline.txt';

ruleTester(rule, {
  valid: [
    {
      name: 'a /configz dump with the 4h default',
      files: [
        { name: 'configz.json', content: '{"kubeletconfig":{"streamingConnectionIdleTimeout":"4h0m0s"}}' },
      ],
    },
    {
      name: 'kubeadm writes 0s in the config file: defaulted to 4h',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('streamingConnectionIdleTimeout: 0s\n') }],
    },
    {
      name: 'a plain 0 in the config file is defaulted too',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('streamingConnectionIdleTimeout: 0\n') }],
    },
    {
      name: 'without --config: the flag default 4h',
      files: [{ name: cmdline, content: kubeletCommandLine(['--kubeconfig=/etc/kubernetes/kubelet.conf']) }],
    },
    {
      name: 'the flag set to 5m',
      files: [{ name: cmdline, content: kubeletCommandLine(['--streaming-connection-idle-timeout=5m']) }],
    },
  ],
  invalid: [
    {
      name: 'the flag set to 0, with a config file',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([
            `--config=${KUBELET_CONFIG_PATH}`,
            '--streaming-connection-idle-timeout=0',
          ]),
        },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig('streamingConnectionIdleTimeout: 4h\n') },
      ],
      findings: [{ file: cmdline, line: 1, messageIncludes: '--streaming-connection-idle-timeout=0' }],
    },
    {
      name: 'a /configz dump shows the effective value: 0s there is 0, not the file default',
      files: [{ name: 'configz.json', content: '{"kubeletconfig":{"streamingConnectionIdleTimeout":"0s"}}' }],
      findings: [
        {
          file: 'configz.json',
          line: 1,
          messageIncludes: 'streamingConnectionIdleTimeout: 0s (from /configz)',
        },
      ],
    },
    {
      name: 'the flag set to 0h0m0s, without a config file',
      files: [{ name: cmdline, content: kubeletCommandLine(['--streaming-connection-idle-timeout=0h0m0s']) }],
      findings: [{ messageIncludes: 'never closes idle' }],
    },
  ],
});
