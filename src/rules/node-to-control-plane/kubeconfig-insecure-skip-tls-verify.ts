import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { kubeletConf, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubeconfig-insecure-skip-tls-verify',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'security',
  title: 'A kubeconfig does not verify the API server certificate',
  description:
    "insecure-skip-tls-verify: true makes the client accept any certificate for the API server, so anyone on the network path can impersonate the control plane and collect the client's credentials. With a certificate authority set as well, client-go refuses the kubeconfig outright.",
  remediation:
    'Remove insecure-skip-tls-verify from the kubeconfig cluster and set certificate-authority (or certificate-authority-data) to the cluster CA.',
  links: [LINKS.kubeconfig, LINKS.kubeletTlsBootstrapping],
  references: [],
  requires: ['kubeconfig'],
  check: (model) =>
    model.kubeconfigs.flatMap((kubeconfig) =>
      kubeconfig.clusters
        .filter((cluster) => cluster.insecureSkipTlsVerify)
        .map((cluster) => ({
          subject: kubeconfig.name,
          message: cluster.hasCA
            ? `${kubeconfig.name}: cluster "${cluster.name}" sets insecure-skip-tls-verify: true together with a certificate authority, which client-go rejects ("specifying a root certificates file with the insecure flag is not allowed").`
            : `${kubeconfig.name}: cluster "${cluster.name}" sets insecure-skip-tls-verify: true, so the client does not verify the API server's certificate.`,
          location: kubeconfig.doc.at(`${cluster.pointer}/insecure-skip-tls-verify`),
          evidence: 'insecure-skip-tls-verify: true',
          ...(cluster.hasCA ? { category: 'breakage' as const } : {}),
        })),
    ),
});

export const examples = (): RuleExamples => ({
  bad: upload(kubeletConf({ cluster: ['server: https://10.0.0.10:6443', 'insecure-skip-tls-verify: true'] })),
  good: upload(kubeletConf()),
});
