import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { unsetSettings } from '../support/unset-flags';
import { apiserver, upload, type RuleExamples } from '../support/examples';

const PAIR = [APISERVER.kubeletClient.clientCertificate, APISERVER.kubeletClient.clientKey];

export default defineRule({
  id: 'apiserver-kubelet-client-certificate-missing',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  category: 'security',
  title: 'The API server has no client certificate for kubelets',
  description:
    'Without --kubelet-client-certificate and --kubelet-client-key the API server calls kubelets without credentials: a kubelet that authenticates its clients (x509 clientCAFile, anonymous off) refuses logs, exec and port-forward, and one that lets them through serves anyone who reaches port 10250. kubeadm sets both to apiserver-kubelet-client.crt/.key.',
  remediation:
    "Set --kubelet-client-certificate and --kubelet-client-key on kube-apiserver to a client certificate signed by the CA in the kubelets' authentication.x509.clientCAFile, and grant its user the kubelet API (e.g. ClusterRole system:kubelet-api-admin).",
  links: [LINKS.kubeletAuthentication, LINKS.kubeApiserverFlags],
  references: ['CIS 1.2.4', 'KCV-0005', 'C-0116'],
  requires: ['apiserver'],
  check: (model, context) =>
    model.apiServers.flatMap((server) => {
      const unset = unsetSettings(server, PAIR, context);
      const first = unset?.[0];
      if (!unset || !first) return [];
      const set = PAIR.filter((setting) => !unset.includes(setting)).map((setting) => setting.of(server));
      const shown = set.map((value) => value.describe);
      return [
        {
          subject: server.name,
          message: `${server.name} does not set ${unset.map((s) => `--${s.flag}`).join(' or ')}${set.length > 0 ? ` (only ${shown.join(', ')})` : ''}, so it calls kubelets without a client certificate.`,
          location: first.defaultLocation(server),
          related: set.map((value) => value.location),
          evidence: [...shown, ...unset.map((s) => `--${s.flag} not set`)].join('; '),
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt'])),
  good: upload(
    apiserver([
      '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
      '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
    ]),
  ),
});
