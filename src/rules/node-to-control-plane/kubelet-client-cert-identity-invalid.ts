import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { kubeletsUsing } from '../../model/kubeconfig';
import { KUBELET_FLAGS } from '../../model/kubelet-settings';
import { bindingsOf, describeCertificate } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { subjectOf } from '../support/trust-findings';

/** The Node authorizer's prefix and group (plugin/pkg/auth/authorizer/node, pkg/auth/nodeidentifier). */
const NODE_PREFIX = 'system:node:';
const NODES_GROUP = 'system:nodes';

export default defineRule({
  id: 'kubelet-client-cert-identity-invalid',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'security',
  title: "The kubelet's client certificate does not name its node",
  description:
    'The Node authorizer and the NodeRestriction admission plugin know a kubelet by its client certificate: CN system:node:<node name> in the group (O) system:nodes. A kubelet certificate with another CN or without that O is not treated as that node: either it is refused what a node needs (the node cannot register or update its status), or, with a group such as system:masters, it gets far more than a node should.',
  remediation:
    'Issue the kubelet a client certificate with CN=system:node:<node name> and O=system:nodes, the one TLS bootstrapping requests (rotateCertificates keeps it current), and never put a kubelet in system:masters.',
  links: [LINKS.nodeAuthorization, LINKS.nodeRestriction, LINKS.kubeletTlsBootstrapping],
  references: [],
  requires: ['kubeconfig', 'certificates'],
  check: (model, context) =>
    model.kubeconfigs
      .filter((kubeconfig) => kubeconfig.role === 'kubelet')
      .flatMap((kubeconfig): RawFinding[] => {
        const binding = bindingsOf(model, 'kubeconfig-client', kubeconfig)[0];
        if (!binding) return []; // no client certificate: kubelet-client-credentials says what it uses
        const first = binding.bundle?.certificates[0];
        const certificate = first ? model.certificates.info(first) : undefined;
        if (!first || !certificate) {
          context.notEvaluated(
            `${kubeconfig.name}: ${binding.setting}: ${binding.missing ?? 'cannot be read'}`,
          );
          return [];
        }
        const kubelet = kubeletsUsing(kubeconfig, model.kubelets, model.kubeconfigs)[0];
        // The kubelet lower-cases its node name (pkg/util/node GetHostname); only a flag shows it for sure.
        const node = kubelet && KUBELET_FLAGS.hostnameOverride.written(kubelet)?.value.trim().toLowerCase();
        const cn = certificate.subject.commonName ?? '';
        const problems = [
          !cn.startsWith(NODE_PREFIX)
            ? `its CN is ${cn || 'empty'}, not ${NODE_PREFIX}<node name>`
            : node && cn !== `${NODE_PREFIX}${node}`
              ? `its CN is ${cn}, but the node is ${node} (--hostname-override)`
              : undefined,
          !certificate.subject.organizations.includes(NODES_GROUP)
            ? `its O is ${certificate.subject.organizations.join(', ') || 'empty'}, without ${NODES_GROUP}`
            : undefined,
          certificate.subject.organizations.includes('system:masters')
            ? 'it is in system:masters, which bypasses all authorization'
            : undefined,
        ].filter((p): p is string => p !== undefined);
        if (problems.length === 0) return [];
        return [
          {
            subject: subjectOf(certificate),
            message: `${kubeconfig.name} authenticates the kubelet as ${certificate.subject.text} (${binding.setting}): ${problems.join('; ')}. The Node authorizer and NodeRestriction do not treat it as ${node ?? 'its node'}.`,
            location: first.location,
            related: [binding.location],
            evidence: describeCertificate(certificate),
          },
        ];
      }),
});

export const examples = (): RuleExamples => ({ bad: X.kubeletClientWrongCn, good: X.kubeadm });
