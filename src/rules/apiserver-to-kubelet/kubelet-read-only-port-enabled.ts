import { LINKS } from '../../catalogue/links';
import { kubeletSettingFindings } from '../support/kubelet-findings';
import { defineRule } from '../../engine/rule';
import { kubeletConfig, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-read-only-port-enabled',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  category: 'security',
  title: 'The kubelet serves its read-only port',
  description:
    'The read-only port (10255 by default for a kubelet without --config) serves pod specs, node stats and metrics over plain HTTP with neither authentication nor authorization.',
  remediation: 'Set readOnlyPort: 0 in the kubelet config file (or --read-only-port=0).',
  links: [LINKS.kubeletAuthentication, LINKS.kubeletConfiguration],
  references: ['CIS 4.2.4', 'KCV-0082', 'C-0175'],
  requires: ['kubelet'],
  check: (model, context) =>
    kubeletSettingFindings(
      model,
      context,
      'readOnlyPort',
      (port) => port !== 0,
      (kubelet, setting) =>
        `${kubelet.name} serves an unauthenticated plain-HTTP read-only port ${setting.value}: ${setting.describe}.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConfig('readOnlyPort: 10255\n')),
  good: upload(kubeletConfig('readOnlyPort: 0\n')),
});
