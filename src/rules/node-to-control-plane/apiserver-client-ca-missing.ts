import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { missingSettings } from '../support/flag-findings';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-client-ca-missing',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'security',
  title: 'The API server does not accept client certificates',
  description:
    'Without --client-ca-file kube-apiserver has no X.509 client-certificate authentication: kubelets cannot authenticate with the client certificates TLS bootstrapping gives them, and clusters fall back to weaker credentials such as static tokens.',
  remediation: 'Set --client-ca-file on kube-apiserver to the cluster CA that signs client certificates.',
  links: [LINKS.authentication, LINKS.kubeletTlsBootstrapping],
  references: ['CIS 1.2.25', 'KCV-0028'],
  requires: ['apiserver'],
  check: (model) =>
    missingSettings(
      model.apiServers,
      [APISERVER.authentication.clientCAFile],
      (server) =>
        `${server.name} does not set --client-ca-file, so kubelets and other clients cannot authenticate with client certificates.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    apiserver([
      '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
      '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    ]),
  ),
  good: upload(
    apiserver([
      '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
      '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    ]),
  ),
});
