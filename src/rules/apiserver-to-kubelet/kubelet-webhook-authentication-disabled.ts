import { LINKS } from '../../catalogue/links';
import { kubeletSettingFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-webhook-authentication-disabled',
  path: 'apiserver-to-kubelet',
  severity: 'medium',
  category: 'security',
  title: 'The kubelet does not authenticate bearer tokens',
  description:
    'Without webhook authentication the kubelet cannot check bearer tokens with the API server (TokenReview): clients such as metrics collectors that present a service account token are treated as unauthenticated, which pushes operators towards anonymous access or AlwaysAllow. A kubelet started without --config has it off by default; a config file defaults to on.',
  remediation:
    'Set authentication.webhook.enabled: true in the kubelet config file (or --authentication-token-webhook).',
  links: [LINKS.kubeletAuthentication, LINKS.kubeletConfiguration],
  references: [],
  requires: ['kubelet'],
  check: (model, context) =>
    kubeletSettingFindings(
      model,
      context,
      'webhookAuthentication',
      (enabled) => !enabled,
      (kubelet, setting) =>
        `${kubelet.name} does not authenticate bearer tokens with the API server: ${setting.describe}.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConfig(lines('authentication:', '  webhook:', '    enabled: false'))),
  good: upload(kubeletConfig(lines('authentication:', '  webhook:', '    enabled: true'))),
});
