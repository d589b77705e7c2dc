import { LINKS } from '../../catalogue/links';
import { kubeletSettingFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-authorization-always-allow',
  path: 'apiserver-to-kubelet',
  severity: 'critical',
  category: 'security',
  title: 'The kubelet authorizes every request',
  description:
    'With authorization mode AlwaysAllow the kubelet serves every request it authenticates (and every anonymous one, if anonymous authentication is on): exec, attach, port-forward, logs and pod data for anyone who reaches port 10250. A kubelet started without --config has AlwaysAllow by default; a config file defaults to Webhook, which asks the API server (SubjectAccessReview).',
  remediation:
    'Set authorization.mode: Webhook in the kubelet config file (or --authorization-mode=Webhook).',
  links: [LINKS.kubeletAuthorization, LINKS.kubeletConfiguration],
  references: ['CIS 4.2.2', 'KCV-0080', 'C-0173'],
  requires: ['kubelet'],
  check: (model, context) =>
    kubeletSettingFindings(
      model,
      context,
      'authorizationMode',
      (mode) => mode === 'AlwaysAllow',
      (kubelet, setting) => `${kubelet.name} authorizes every request: ${setting.describe}.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConfig(lines('authorization:', '  mode: AlwaysAllow'))),
  good: upload(kubeletConfig(lines('authorization:', '  mode: Webhook'))),
});
