import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { badSettings } from '../support/flag-findings';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-token-auth-file',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'security',
  title: 'The API server accepts static bearer tokens',
  description:
    '--token-auth-file makes kube-apiserver accept the bearer tokens listed in a CSV file. They never expire and cannot be revoked or rotated without restarting the API server, so a leaked node or component token stays valid indefinitely.',
  remediation:
    'Remove --token-auth-file from kube-apiserver and authenticate nodes and components with client certificates (kubelet TLS bootstrapping with bootstrap tokens for joining nodes).',
  links: [LINKS.staticTokenFile, LINKS.kubeletTlsBootstrapping],
  references: ['CIS 1.2.2', 'KCV-0002'],
  requires: ['apiserver'],
  check: (model) =>
    badSettings(
      model.apiServers,
      APISERVER.authentication.tokenAuthFile,
      (value) => value !== '',
      (server, flag) =>
        `${server.name} accepts the static bearer tokens listed in ${flag.value} (--token-auth-file), which never expire.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--token-auth-file=/etc/kubernetes/tokens.csv'])),
  good: upload(apiserver(['--enable-bootstrap-token-auth=true'])),
});
