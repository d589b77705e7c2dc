import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { kubeletConf, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubeconfig-plaintext-server',
  path: 'node-to-control-plane',
  severity: 'critical',
  category: 'security',
  title: 'A kubeconfig talks to the API server over plain HTTP',
  description:
    "An http:// server URL sends the client's requests, its bearer token or password, and the API server's answers (secrets included) unencrypted and unauthenticated: anyone on the path can read them or impersonate the control plane. Client certificates cannot be used at all.",
  remediation:
    "Point the kubeconfig cluster's server at the API server's https:// secure port and set certificate-authority to the cluster CA.",
  links: [LINKS.kubeconfig, LINKS.kubeletTlsBootstrapping],
  references: [],
  requires: ['kubeconfig'],
  check: (model) =>
    model.kubeconfigs.flatMap((kubeconfig) =>
      kubeconfig.clusters
        .filter((cluster) => /^http:\/\//i.test(cluster.server ?? ''))
        .map((cluster) => ({
          subject: kubeconfig.name,
          message: `${kubeconfig.name}: cluster "${cluster.name}" has server ${cluster.server}, plain HTTP.`,
          location: kubeconfig.doc.at(`${cluster.pointer}/server`),
          evidence: `server: ${cluster.server}`,
        })),
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConf({ cluster: ['server: http://10.0.0.10:8080'] })),
  good: upload(kubeletConf()),
});
