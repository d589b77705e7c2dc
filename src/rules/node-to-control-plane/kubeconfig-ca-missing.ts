import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { kubeletConf, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubeconfig-ca-missing',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'A kubeconfig does not pin the cluster CA',
  description:
    "An https:// server without certificate-authority or certificate-authority-data is verified against the host's system roots instead of the cluster CA: any public CA (or one an attacker got into the trust store) can vouch for an impostor API server, and a cluster-CA-signed server fails verification. (insecure-skip-tls-verify is kubeconfig-insecure-skip-tls-verify's finding.)",
  remediation:
    'Set certificate-authority (or certificate-authority-data) on the kubeconfig cluster to the cluster CA.',
  links: [LINKS.kubeconfig, LINKS.nodeToControlPlane],
  references: [],
  requires: ['kubeconfig'],
  check: (model) =>
    model.kubeconfigs.flatMap((kubeconfig) =>
      kubeconfig.clusters
        .filter(
          (cluster) =>
            /^https:\/\//i.test(cluster.server ?? '') && !cluster.hasCA && !cluster.insecureSkipTlsVerify,
        )
        .map((cluster) => ({
          subject: kubeconfig.name,
          message: `${kubeconfig.name}: cluster "${cluster.name}" (server ${cluster.server}) sets neither certificate-authority nor certificate-authority-data, so the API server is verified against the system roots.`,
          location: kubeconfig.doc.at(cluster.pointer),
          evidence: `server: ${cluster.server}; no certificate-authority`,
        })),
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConf({ cluster: ['server: https://10.0.0.10:6443'] })),
  good: upload(kubeletConf()),
});
