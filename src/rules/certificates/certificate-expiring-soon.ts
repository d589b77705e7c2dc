import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { boundCertificates, certificateFinding, day, nameIn, usesOf } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';

const DAY = 86_400_000;

export default defineRule({
  id: 'certificate-expiring-soon',
  paths: ['node-to-control-plane', 'apiserver-to-kubelet', 'konnectivity'],
  severity: 'medium',
  category: 'breakage',
  title: 'A certificate a path uses expires soon',
  description:
    "The certificate expires within certificateWarningDays (30 unless the request says otherwise) of asOf. When it does, every TLS handshake that presents or checks it fails; kubeadm's certificates last one year and are renewed only by an upgrade or kubeadm certs renew.",
  remediation:
    'Renew the certificate before it expires (kubeadm certs renew, or certificate rotation for the kubelet: rotateCertificates and serverTLSBootstrap), and check that whatever renews it runs.',
  links: [LINKS.kubeadmCerts, LINKS.kubeletCertificateRotation, LINKS.pkiCertificates],
  references: [],
  requires: ['certificates'],
  check: (model, context) =>
    boundCertificates(model, context).flatMap((bound) => {
      const left = bound.info.notAfter.getTime() - model.asOf.getTime();
      if (left < 0 || left > model.certificateWarningDays * DAY || model.asOf < bound.info.notBefore)
        return [];
      const days = Math.floor(left / DAY);
      return [
        certificateFinding(
          bound,
          `${nameIn(bound)} expires on ${day(bound.info.notAfter)}, ${days === 0 ? 'within a day' : `in ${days} day${days === 1 ? '' : 's'}`} (asOf ${day(model.asOf)}, certificateWarningDays ${model.certificateWarningDays}); it is ${usesOf(bound.uses)}.`,
        ),
      ];
    }),
});

export const examples = (): RuleExamples => ({ bad: X.expiring, good: X.kubeadm });
