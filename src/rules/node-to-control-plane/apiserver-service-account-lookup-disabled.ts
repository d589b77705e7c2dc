import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule, type RawFinding } from '../../engine/rule';
import { componentMinor } from '../support/component-version';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-service-account-lookup-disabled',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'Deleted service-account tokens keep working',
  description:
    'With --service-account-lookup=false kube-apiserver accepts a service-account token without checking that its service account (and, for legacy tokens, its Secret) still exists, so revoking a leaked token by deleting it has no effect. Before Kubernetes 1.7 that was the default (CHANGELOG-1.7, kubernetes#44071), so there an unset flag is reported too.',
  remediation:
    'Remove --service-account-lookup=false from kube-apiserver (the default is true from 1.7); before 1.7 set --service-account-lookup=true.',
  links: [LINKS.serviceAccountTokens, LINKS.serviceAccountsAdmin],
  references: ['CIS 1.2.21', 'KCV-0024'],
  requires: ['apiserver'],
  check: (model) =>
    model.apiServers.flatMap((server): RawFinding[] => {
      const minor = componentMinor(server, model);
      const lookup = APISERVER.serviceAccounts.lookup.of(server, minor);
      if (lookup.value || (!lookup.flag && server.partial)) return [];
      // Before 1.7 the default was false: an unset flag is the weakness, located where it would go.
      const message = lookup.flag
        ? `${server.name} sets --service-account-lookup=${lookup.flag.value}, so tokens of deleted service accounts are still accepted.`
        : `${server.name} does not set --service-account-lookup, whose default is false before Kubernetes 1.7 (it runs ${minor ?? ''}): tokens of deleted service accounts are still accepted.`;
      return [
        {
          subject: server.name,
          message,
          location: lookup.location,
          evidence: lookup.describe,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--service-account-lookup=false'])),
  good: upload(apiserver(['--service-account-lookup=true'])),
});
