import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { boundCertificates, certificateFinding, day, nameIn, usesOf } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';

export default defineRule({
  id: 'certificate-expired',
  paths: ['node-to-control-plane', 'apiserver-to-kubelet', 'konnectivity'],
  severity: 'critical',
  category: 'breakage',
  title: 'A certificate a path uses has expired or is not valid yet',
  description:
    'At asOf (the time of the request unless the request says otherwise) the certificate is past its notAfter or before its notBefore. Every TLS handshake that presents it, or checks another certificate against it, fails with "x509: certificate has expired or is not yet valid": nodes go NotReady when the kubelet\'s client certificate expires, kubectl logs and exec fail when a kubelet\'s serving certificate does, everything fails when the cluster CA does.',
  remediation:
    "Renew the certificate and put it where the flag or field names it (kubeadm certs renew for kubeadm's; a kubelet rotates its own with rotateCertificates and serverTLSBootstrap), then restart what reads it; check the clocks of the nodes for a certificate that is not valid yet.",
  links: [LINKS.kubeadmCerts, LINKS.pkiCertificates, LINKS.kubeletCertificateRotation],
  references: [],
  requires: ['certificates'],
  check: (model, context) =>
    boundCertificates(model, context).flatMap((bound) => {
      const { notBefore, notAfter } = bound.info;
      const asOf = model.asOf;
      if (asOf > notAfter) {
        return [
          certificateFinding(
            bound,
            `${nameIn(bound)} expired on ${day(notAfter)} (asOf ${day(asOf)}); it is ${usesOf(bound.uses)}.`,
          ),
        ];
      }
      if (asOf < notBefore) {
        return [
          certificateFinding(
            bound,
            `${nameIn(bound)} is not valid until ${day(notBefore)} (asOf ${day(asOf)}); it is ${usesOf(bound.uses)}.`,
          ),
        ];
      }
      return [];
    }),
});

export const examples = (): RuleExamples => ({ bad: X.expired, good: X.kubeadm });
