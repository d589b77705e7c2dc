import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { badSettings } from '../support/flag-findings';
import { apiserver, upload } from '../support/examples';

export default defineRule({
  id: 'apiserver-service-account-lookup-disabled',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'Deleted service-account tokens keep working',
  description:
    'With --service-account-lookup=false kube-apiserver accepts a service-account token without checking that its service account (and, for legacy tokens, its Secret) still exists, so revoking a leaked token by deleting it has no effect.',
  remediation: 'Remove --service-account-lookup=false from kube-apiserver (the default is true).',
  links: [LINKS.serviceAccountTokens, LINKS.serviceAccountsAdmin],
  references: ['CIS 1.2.21', 'KCV-0024'],
  requires: ['apiserver'],
  examples: {
    bad: upload(apiserver(['--service-account-lookup=false'])),
    good: upload(apiserver(['--service-account-lookup=true'])),
  },
  check: (model) =>
    badSettings(
      model.apiServers,
      (server) => APISERVER.serviceAccounts.lookup.of(server, model.version?.minor ?? null),
      (lookup) => !lookup,
      (server, { flag }) =>
        `${server.name} sets --service-account-lookup=${flag.value}, so tokens of deleted service accounts are still accepted.`,
    ),
});
