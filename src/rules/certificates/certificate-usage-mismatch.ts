import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import type { CertificateInfo } from '../../ingest/x509';
import { boundCertificates, certificateFinding, nameIn, usesOf } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';

export default defineRule({
  id: 'certificate-usage-mismatch',
  paths: ['node-to-control-plane', 'apiserver-to-kubelet', 'konnectivity'],
  severity: 'high',
  category: 'breakage',
  title: 'A certificate is used for what it does not allow',
  description:
    'Go checks what a certificate may do: a serving certificate whose extended key usage lacks serverAuth fails its clients ("x509: certificate specifies an incompatible key usage"), a client certificate without clientAuth is rejected by the API server and kubelets, and a CA without basicConstraints CA:TRUE cannot sign ("x509: invalid signature: parent certificate cannot sign this kind of certificate"). A certificate without an extended key usage extension may do anything.',
  remediation:
    'Issue the certificate again with the usage its role needs: extendedKeyUsage serverAuth for a serving certificate, clientAuth for a client certificate, basicConstraints CA:TRUE for a CA.',
  links: [LINKS.pkiCertificates, LINKS.x509ClientCertificates],
  references: [],
  requires: ['certificates'],
  check: (model, context) => {
    const store = model.certificates;
    // A certificate that is itself a bound leaf may sit in a CA file: Go trusts a leaf found among the roots.
    const leaves = new Set(
      store.bindings.flatMap((b) => {
        const first = b.use === 'ca' ? undefined : b.bundle?.certificates[0];
        const info = first ? store.info(first) : undefined;
        return info ? [info] : [];
      }),
    );
    return boundCertificates(model, context, (b, c) => b.use === 'ca' || c.index === 0).flatMap((bound) => {
      const uses = new Set(bound.uses.map((u) => u.use));
      const problems = [
        uses.has('serving') && !allows(bound.info, 'serverAuth')
          ? `an extended key usage without serverAuth (${(bound.info.extendedKeyUsage ?? []).join(', ')}), but it is a serving certificate`
          : undefined,
        uses.has('client') && !allows(bound.info, 'clientAuth')
          ? `an extended key usage without clientAuth (${(bound.info.extendedKeyUsage ?? []).join(', ')}), but it is a client certificate`
          : undefined,
        uses.has('ca') && !isCa(bound.info) && !leaves.has(bound.info)
          ? `no basicConstraints CA:TRUE (${bound.info.basicConstraints ? 'CA:FALSE' : 'no basicConstraints extension'}), but it is named as a CA`
          : undefined,
      ].filter((p): p is string => p !== undefined);
      if (problems.length === 0) return [];
      return [
        certificateFinding(
          bound,
          `${nameIn(bound)} has ${problems.join('; and ')}; it is ${usesOf(bound.uses)}.`,
        ),
      ];
    });
  },
});

export const examples = (): RuleExamples => ({ bad: X.clientOnlyServing, good: X.kubeadm });

/** No extended key usage extension allows every usage (Go's x509 verify treats it as any). */
function allows(info: CertificateInfo, usage: string): boolean {
  const list = info.extendedKeyUsage;
  return list === null || list.includes(usage) || list.includes('any');
}

/** A version-3 certificate signs only with CA:TRUE; a version-1 certificate is taken as a CA (Go's CheckSignatureFrom). */
function isCa(info: CertificateInfo): boolean {
  return info.version < 3 || info.basicConstraints?.ca === true;
}
