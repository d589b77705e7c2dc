import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { anchorsOf, trustFailures, untrustedFinding } from '../support/trust-findings';

export default defineRule({
  id: 'apiserver-serving-cert-untrusted',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'breakage',
  title: "The API server's certificate does not chain to the CA its clients trust",
  description:
    "Kubelets, kube-controller-manager, kube-scheduler and kubectl check the API server's certificate against their kubeconfig's certificate-authority, and pods against the root CA kube-controller-manager gives them (--root-ca-file). A --tls-cert-file that CA did not sign fails every one of them with \"x509: certificate signed by unknown authority\": nodes cannot register or report, and pods cannot reach the API. The signature is checked, not only the issuer's name.",
  remediation:
    "Serve a certificate the cluster CA signed (kubeadm certs renew apiserver, or sign it with the CA in the kubeconfigs), or give the clients the CA that did sign it; keep --root-ca-file and the kubeconfigs' CA the same.",
  links: [LINKS.pkiCertificates, LINKS.kubeApiserverFlags, LINKS.kubeconfig],
  references: [],
  requires: ['apiserver', 'certificates'],
  check: (model, context) =>
    trustFailures(
      model,
      context,
      'apiserver-serving',
      'no kube-apiserver --tls-cert-file with a kubeconfig certificate-authority or kube-controller-manager --root-ca-file to check it against was uploaded',
    ).map((failure) =>
      untrustedFinding(
        failure,
        `${failure.leaf.ownerName} serves ${failure.certificate.subject.text} (${failure.leaf.setting}), which does not chain to the CA that ${anchorsOf(failure)} trusts: ${failure.reason}. Those clients fail with "x509: certificate signed by unknown authority".`,
      ),
    ),
});

export const examples = (): RuleExamples => ({ bad: X.apiserverOtherCa, good: X.kubeadm });
