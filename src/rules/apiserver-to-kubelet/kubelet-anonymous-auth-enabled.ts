import { LINKS } from '../../catalogue/links';
import { kubeletSettingFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-anonymous-auth-enabled',
  path: 'apiserver-to-kubelet',
  severity: 'critical',
  category: 'security',
  title: 'The kubelet accepts anonymous requests',
  description:
    'A kubelet with anonymous authentication serves requests without credentials as system:anonymous; with AlwaysAllow authorization, or a binding that grants it, anyone who reaches port 10250 can read pod data and run commands in containers. A kubelet started without --config has it on by default.',
  remediation:
    'Set authentication.anonymous.enabled: false in the kubelet config file (or --anonymous-auth=false), and enable webhook authentication.',
  links: [LINKS.kubeletAuthentication, LINKS.kubeletConfiguration],
  references: ['CIS 4.2.1', 'KCV-0079', 'C-0069'],
  requires: ['kubelet'],
  check: (model, context) =>
    kubeletSettingFindings(
      model,
      context,
      'anonymousAuth',
      (enabled) => enabled,
      (kubelet, setting) => `${kubelet.name} accepts anonymous requests: ${setting.describe}.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConfig(lines('authentication:', '  anonymous:', '    enabled: true'))),
  good: upload(
    kubeletConfig(
      lines('authentication:', '  anonymous:', '    enabled: false', '  webhook:', '    enabled: true'),
    ),
  ),
});
