import { LINKS } from '../../catalogue/links';
import { flagRemovedIn } from '../../model/flag-facts/flag-status';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { badSettings } from '../support/flag-findings';
import { apiserver, uploadAt, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-basic-auth-file',
  path: 'node-to-control-plane',
  severity: 'critical',
  category: 'security',
  title: 'The API server accepts passwords (HTTP basic auth)',
  description:
    '--basic-auth-file makes kube-apiserver accept user names and passwords from a CSV file: long-lived secrets sent with every request, open to guessing and never rotated. The flag was deprecated in 1.16 and removed in 1.19 (on 1.19 and later it is reported by removed-flag).',
  remediation:
    'Remove --basic-auth-file from kube-apiserver and authenticate users and components with client certificates or tokens that expire.',
  links: [LINKS.authentication, LINKS.kubeApiserverFlags],
  references: ['CKV_K8S_69'],
  requires: ['apiserver'],
  appliesTo: { before: flagRemovedIn('kube-apiserver', 'basic-auth-file') },
  check: (model) =>
    badSettings(
      model.apiServers,
      APISERVER.authentication.basicAuthFile,
      (value) => value !== '',
      (server, flag) =>
        `${server.name} sets --basic-auth-file=${flag.value}, so it accepts static user names and passwords${model.version ? '' : ' (before Kubernetes 1.19; the version is unknown)'}.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: uploadAt('1.18', apiserver(['--basic-auth-file=/etc/kubernetes/passwords.csv'], '1.18.20')),
  good: uploadAt('1.18', apiserver(['--client-ca-file=/etc/kubernetes/pki/ca.crt'], '1.18.20')),
});
