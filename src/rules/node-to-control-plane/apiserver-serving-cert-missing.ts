import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { missingSettings } from '../support/flag-findings';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-serving-cert-missing',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'security',
  title: 'The API server serves a self-signed certificate',
  description:
    "Without --tls-cert-file and --tls-private-key-file, kube-apiserver generates a self-signed certificate in --cert-dir. Nodes and pods verify the API server with the cluster CA, so they either fail or are configured to skip verification, which lets anyone on the path impersonate the control plane. Given only one of the two, it does not start at all: that is tls-key-pair-incomplete's finding.",
  remediation:
    'Set --tls-cert-file and --tls-private-key-file on kube-apiserver to a serving certificate signed by the cluster CA.',
  links: [LINKS.kubeApiserverFlags, LINKS.kubeletTlsBootstrapping],
  references: ['CIS 1.2.24', 'KCV-0027'],
  requires: ['apiserver'],
  check: (model) =>
    missingSettings(
      // Half a pair does not start at all ("missing filename for serving cert"): tls-key-pair-incomplete.
      model.apiServers.filter(
        (server) =>
          !APISERVER.secureServing.tlsCertFile.isSet(server) &&
          !APISERVER.secureServing.tlsPrivateKeyFile.isSet(server),
      ),
      [APISERVER.secureServing.tlsCertFile, APISERVER.secureServing.tlsPrivateKeyFile],
      (server) =>
        `${server.name} sets neither --tls-cert-file nor --tls-private-key-file, so it serves a self-signed certificate from --cert-dir that nodes cannot verify with the cluster CA.`,
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--client-ca-file=/etc/kubernetes/pki/ca.crt'])),
  good: upload(
    apiserver([
      '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
      '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    ]),
  ),
});
