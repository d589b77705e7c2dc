import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { anchorsOf, trustFailures, untrustedFinding } from '../support/trust-findings';

export default defineRule({
  id: 'apiserver-kubelet-client-cert-untrusted',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  category: 'breakage',
  title: "The API server's kubelet client certificate is not signed by a CA the kubelets trust",
  description:
    "A kubelet accepts the API server's --kubelet-client-certificate only when a CA in its clientCAFile signed it. When another CA did, the kubelet treats the API server as anonymous, and kubectl logs, exec, attach and port-forward answer 401 (or 403 with anonymous requests allowed). The signature is checked, not only the issuer's name.",
  remediation:
    "Sign --kubelet-client-certificate with the CA in the kubelets' clientCAFile (kubeadm certs renew apiserver-kubelet-client), or add its CA to that file on every node.",
  links: [LINKS.kubeletAuthentication, LINKS.kubeApiserverFlags],
  references: [],
  requires: ['apiserver', 'kubelet', 'certificates'],
  check: (model, context) =>
    trustFailures(
      model,
      context,
      'apiserver-kubelet-client',
      'no kube-apiserver --kubelet-client-certificate with a kubelet clientCAFile to check it against was uploaded',
    ).map((failure) =>
      untrustedFinding(
        failure,
        `${failure.leaf.ownerName} presents ${failure.certificate.subject.text} to kubelets (${failure.leaf.setting}), which does not chain to the CA that ${anchorsOf(failure)} accepts: ${failure.reason}. Those kubelets answer logs, exec, attach and port-forward with 401.`,
      ),
    ),
});

export const examples = (): RuleExamples => ({ bad: X.kubeletClientCertOtherCa, good: X.kubeadm });
