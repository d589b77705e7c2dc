import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { anchorsOf, trustFailures, untrustedFinding } from '../support/trust-findings';

export default defineRule({
  id: 'kubelet-serving-cert-untrusted',
  path: 'apiserver-to-kubelet',
  severity: 'high',
  category: 'breakage',
  title: "A kubelet's serving certificate does not chain to --kubelet-certificate-authority",
  description:
    'When the API server verifies kubelets (--kubelet-certificate-authority), a kubelet whose serving certificate (tlsCertFile, <cert-dir>/kubelet.crt or kubelet-server-current.pem) another CA signed fails the check: kubectl logs, exec, attach and port-forward to that node fail with "x509: certificate signed by unknown authority". A certificate that is its own issuer is kubelet-serving-cert-unverifiable\'s finding. The signature is checked, not only the issuer\'s name.',
  remediation:
    'Give the kubelet a serving certificate from the CA in --kubelet-certificate-authority (serverTLSBootstrap: true with the cluster signer, or tlsCertFile signed by that CA), or add its CA to that bundle.',
  links: [LINKS.kubeletServingCertificates, LINKS.kubeadmKubeletServingCerts, LINKS.kubeApiserverFlags],
  references: [],
  requires: ['apiserver', 'kubelet', 'certificates'],
  check: (model, context) => {
    const store = model.certificates;
    // A certificate that is its own issuer is kubelet-serving-cert-unverifiable's (one problem, one finding).
    return trustFailures(
      model,
      context,
      'kubelet-serving',
      'no kube-apiserver verifies kubelets with --kubelet-certificate-authority (apiserver-kubelet-certificate-authority-missing), or no kubelet serving certificate was uploaded',
      (leaf) => leaf.bundle !== undefined && store.issuedWithin(leaf.bundle) === true,
    ).map((failure) =>
      untrustedFinding(
        failure,
        `${failure.leaf.ownerName} serves ${failure.certificate.subject.text} (${failure.leaf.setting}), which does not chain to the CA that ${anchorsOf(failure)} trusts: ${failure.reason}. Logs, exec, attach and port-forward to that node fail.`,
      ),
    );
  },
});

export const examples = (): RuleExamples => ({ bad: X.kubeletServingOtherCa, good: X.kubeadm });
