import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-webhook-authentication-disabled';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const cmdline = '/proc/kubelet-cmdline.txt';

ruleTester(rule, {
  valid: [
    {
      name: 'with --config, the field unset: default true',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig() }],
    },
    {
      name: 'without --config but --authentication-token-webhook (bare boolean flag)',
      files: [{ name: cmdline, content: kubeletCommandLine(['--authentication-token-webhook', '--v=2']) }],
    },
  ],
  invalid: [
    {
      name: 'the config file turns it off',
      files: [
        {
          name: KUBELET_CONFIG_PATH,
          content: kubeletConfig('authentication:\n  webhook:\n    enabled: false\n'),
        },
      ],
      findings: [{ line: 5, messageIncludes: 'authentication.webhook.enabled: false' }],
    },
    {
      name: 'without --config: the flag default false',
      files: [{ name: cmdline, content: kubeletCommandLine(['--kubeconfig=/etc/kubernetes/kubelet.conf']) }],
      findings: [{ locationDefault: true, messageIncludes: '--authentication-token-webhook is not set' }],
    },
    {
      name: 'the flag beats the file',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([
            `--config=${KUBELET_CONFIG_PATH}`,
            '--authentication-token-webhook=false',
          ]),
        },
        { name: KUBELET_CONFIG_PATH, content: kubeletConfig() },
      ],
      findings: [{ file: cmdline, messageIncludes: '--authentication-token-webhook=false' }],
    },
  ],
});
