import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import type { CertificateInfo } from '../../ingest/x509';
import { boundCertificates, certificateFinding, nameIn, usesOf } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';

const WEAK_HASHES = new Set(['MD2', 'MD5', 'SHA-1']);

export default defineRule({
  id: 'certificate-weak',
  paths: ['node-to-control-plane', 'apiserver-to-kubelet', 'konnectivity'],
  severity: 'medium',
  category: 'security',
  title: 'A certificate a path uses has a weak key or signature',
  description:
    "An RSA key below 2048 bits or an EC key below P-256 can be broken, and a SHA-1 or MD5 signature can be forged (SHA-1 collisions are practical): whoever does it can impersonate the API server, a kubelet or a node. A root CA's signature on itself is not checked by anyone, so only its key counts. Go, and so Kubernetes, already rejects MD5 signatures.",
  remediation:
    "Issue the certificate again with an RSA key of at least 2048 bits (kubeadm's default) or an ECDSA P-256 key (encryptionAlgorithm: ECDSA-P256 in kubeadm), signed with SHA-256.",
  links: [LINKS.pkiCertificates, LINKS.kubeadmCerts],
  references: [],
  requires: ['certificates'],
  check: (model, context) =>
    boundCertificates(model, context).flatMap((bound) => {
      const problems = weaknesses(bound.info, model.certificates.selfSigned(bound.info));
      if (problems.length === 0) return [];
      return [
        certificateFinding(
          bound,
          `${nameIn(bound)} has ${problems.join(' and ')}; it is ${usesOf(bound.uses)}.`,
        ),
      ];
    }),
});

export const examples = (): RuleExamples => ({ bad: X.weak, good: X.kubeadm });

function weaknesses(info: CertificateInfo, root: boolean): string[] {
  const found: string[] = [];
  const { algorithm, bits, curve } = info.publicKey;
  if ((algorithm === 'RSA' || algorithm === 'RSA-PSS') && bits !== null && bits < 2048)
    found.push(`a ${bits}-bit RSA key (at least 2048 bits)`);
  if (algorithm === 'EC' && bits !== null && bits < 256)
    found.push(`an EC key on ${curve ?? 'a curve'} (below P-256)`);
  const hash = info.signatureAlgorithm.hash;
  if (!root && hash !== null && WEAK_HASHES.has(hash))
    found.push(`a ${info.signatureAlgorithm.name} signature (${hash} can be forged)`);
  return found;
}
