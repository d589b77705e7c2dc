import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { anchorsOf, trustFailures, untrustedFinding } from '../support/trust-findings';

export default defineRule({
  id: 'client-cert-untrusted',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'breakage',
  title: "A kubeconfig's client certificate is not signed by a CA the API server trusts",
  description:
    "The API server accepts a client certificate only when a CA in its --client-ca-file signed it. A kubelet, kube-controller-manager, kube-scheduler or admin kubeconfig whose client certificate another CA signed is answered 401 Unauthorized: the node stops reporting, the controllers stop. The signature is checked, not only the issuer's name.",
  remediation:
    "Sign the client certificate with the CA in the API server's --client-ca-file (kubeadm certs renew, or a new CSR for a kubelet), or add its CA to that file.",
  links: [LINKS.x509ClientCertificates, LINKS.pkiCertificates],
  references: [],
  requires: ['apiserver', 'kubeconfig', 'certificates'],
  check: (model, context) =>
    trustFailures(
      model,
      context,
      'client',
      'no kubeconfig client certificate with a kube-apiserver --client-ca-file to check it against was uploaded',
    ).map((failure) =>
      untrustedFinding(
        failure,
        `${failure.leaf.ownerName} authenticates with ${failure.certificate.subject.text} (${failure.leaf.setting}), which does not chain to the CA that ${anchorsOf(failure)} accepts: ${failure.reason}. The API server answers it 401 Unauthorized.`,
      ),
    ),
});

export const examples = (): RuleExamples => ({ bad: X.kubeletClientOtherCa, good: X.kubeadm });
