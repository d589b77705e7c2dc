import rule from '../../../../src/rules/apiserver-to-kubelet/kubelet-authorization-always-allow';
import { KUBELET_CONFIG_PATH, kubeletCommandLine, kubeletConfig } from '../../../support/fixtures';
import { ruleTester } from '../../../support/rule-tester';

const cmdline = '/proc/kubelet-cmdline.txt';
const always = kubeletConfig('authorization:\n  mode: AlwaysAllow\n');

ruleTester(rule, {
  valid: [
    {
      name: 'with --config, the field unset: the KubeletConfiguration default Webhook',
      files: [{ name: KUBELET_CONFIG_PATH, content: kubeletConfig('readOnlyPort: 0\n') }],
    },
    {
      name: 'without --config but --authorization-mode=Webhook',
      files: [{ name: cmdline, content: kubeletCommandLine(['--authorization-mode=Webhook']) }],
    },
    {
      name: 'the flag beats AlwaysAllow in the file',
      files: [
        {
          name: cmdline,
          content: kubeletCommandLine([`--config=${KUBELET_CONFIG_PATH}`, '--authorization-mode=Webhook']),
        },
        { name: KUBELET_CONFIG_PATH, content: always },
      ],
    },
  ],
  invalid: [
    {
      name: 'the config file says AlwaysAllow',
      files: [{ name: KUBELET_CONFIG_PATH, content: always }],
      findings: [{ file: KUBELET_CONFIG_PATH, line: 4, messageIncludes: 'authorization.mode: AlwaysAllow' }],
    },
    {
      name: 'without --config: the flag default AlwaysAllow',
      files: [{ name: cmdline, content: kubeletCommandLine(['--kubeconfig=/etc/kubernetes/kubelet.conf']) }],
      findings: [{ file: cmdline, locationDefault: true, messageIncludes: 'flag default AlwaysAllow' }],
    },
    {
      name: 'two nodes, one of each mode; the safe third is not reported',
      files: [
        { name: 'worker-1/var/lib/kubelet/config.yaml', content: always },
        { name: 'worker-2/proc/kubelet-cmdline.txt', content: kubeletCommandLine(['--v=2']) },
        { name: 'worker-3/var/lib/kubelet/config.yaml', content: kubeletConfig() },
      ],
      findings: [
        { file: 'worker-1/var/lib/kubelet/config.yaml', messageIncludes: 'kubelet on node worker-1' },
        { file: 'worker-2/proc/kubelet-cmdline.txt', messageIncludes: 'kubelet on node worker-2' },
      ],
    },
  ],
});
