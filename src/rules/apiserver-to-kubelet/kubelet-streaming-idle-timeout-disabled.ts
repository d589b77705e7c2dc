import { isZeroDuration } from '../../model/kubelet';
import { LINKS } from '../../catalogue/links';
import { kubeletSettingFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { kubeletCommandLine, kubeletConfig, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-streaming-idle-timeout-disabled',
  path: 'apiserver-to-kubelet',
  severity: 'low',
  category: 'security',
  title: 'Streaming connections to the kubelet never time out',
  description:
    'With a streaming connection idle timeout of 0, exec, attach and port-forward streams stay open for ever, even when idle, so a forgotten session or a leaked connection keeps its access. Only the --streaming-connection-idle-timeout=0 flag does that: a zero in the config file (kubeadm writes 0s) is defaulted to 4h. A /configz dump shows the effective values, after that defaulting: 0s there is really 0.',
  remediation:
    'Remove --streaming-connection-idle-timeout=0 from the kubelet command line, or set it to a duration such as 5m.',
  links: [LINKS.kubeletConfiguration],
  references: ['CIS 4.2.5', 'KCV-0085'],
  requires: ['kubelet'],
  check: (model, context) =>
    kubeletSettingFindings(
      model,
      context,
      'streamingConnectionIdleTimeout',
      (timeout) => isZeroDuration(timeout),
      (kubelet, setting) =>
        `${kubelet.name} never closes idle exec, attach and port-forward streams: ${setting.describe}.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    kubeletCommandLine(['--config=/var/lib/kubelet/config.yaml', '--streaming-connection-idle-timeout=0']),
    kubeletConfig(),
  ),
  good: upload(
    kubeletCommandLine(['--config=/var/lib/kubelet/config.yaml', '--streaming-connection-idle-timeout=5m']),
    kubeletConfig(),
  ),
});
