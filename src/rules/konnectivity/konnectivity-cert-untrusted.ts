import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { certificateCovers } from '../../model/certificates-hosts';
import { KONNECTIVITY_AGENT } from '../../model/settings/konnectivity';
import { describeCertificate } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { anchorsOf, subjectOf, trustFailures, untrustedFinding } from '../support/trust-findings';

export default defineRule({
  id: 'konnectivity-cert-untrusted',
  path: 'konnectivity',
  severity: 'high',
  category: 'breakage',
  title: "The konnectivity-agent cannot verify the konnectivity-server's certificate",
  description:
    "The agent checks the server's --cluster-cert against its --ca-cert and the address it dials, --proxy-server-host (util.GetClientTLSConfig sets it as the TLS server name). When its CA did not sign that certificate, or the certificate does not name that address, the agent never connects: no tunnel, so kubectl logs and exec and the API server's proxy to nodes, pods and services fail. The signature is checked, not only the issuer's name.",
  remediation:
    "Give the agent the CA that signed the server's --cluster-cert (the setup-konnectivity task uses the cluster CA through the service account's ca.crt and the API server's certificate), and dial the server at an address that certificate names.",
  links: [LINKS.setupKonnectivity, LINKS.pkiCertificates],
  references: [],
  requires: ['konnectivity-server', 'konnectivity-agent', 'certificates'],
  check: (model, context) => {
    const untrusted = trustFailures(
      model,
      context,
      'konnectivity-cluster',
      'no konnectivity-server --cluster-cert with a konnectivity-agent --ca-cert to check it against was uploaded',
    ).map((failure) =>
      untrustedFinding(
        failure,
        `${failure.leaf.ownerName} serves agents ${failure.certificate.subject.text} (${failure.leaf.setting}), which does not chain to the CA that ${anchorsOf(failure)} trusts: ${failure.reason}. The agent cannot connect.`,
      ),
    );
    const unnamed: RawFinding[] = [];
    const { leaves, anchors } = model.certificates.check('konnectivity-cluster');
    for (const leaf of leaves) {
      const first = leaf.bundle?.certificates[0];
      const certificate = first ? model.certificates.info(first) : undefined;
      if (!first || !certificate) continue;
      for (const anchor of anchors) {
        if (anchor.owner.kind !== 'component') continue;
        const agent = anchor.owner.component;
        const flag = KONNECTIVITY_AGENT.proxyServerHost.written(agent);
        const given = flag?.value.trim() ?? '';
        const host = given === '' ? KONNECTIVITY_AGENT.proxyServerHost.defaultValue : given;
        if (certificateCovers(certificate, host)) continue;
        const port = KONNECTIVITY_AGENT.proxyServerPort.of(agent).value;
        unnamed.push({
          subject: `${agent.name} → ${subjectOf(certificate)}`,
          message: `${agent.name} dials the konnectivity-server at ${host}:${port} (${flag ? `--proxy-server-host=${host}` : `--proxy-server-host not set, default ${host}`}), but ${leaf.ownerName} serves ${certificate.subject.text} (${leaf.setting}), which is valid for ${[...certificate.dnsNames, ...certificate.ipAddresses].join(', ') || 'no name'}: the agent cannot connect.`,
          location: first.location,
          related: [
            leaf.location,
            flag?.location ?? KONNECTIVITY_AGENT.proxyServerHost.defaultLocation(agent),
          ],
          evidence: `${describeCertificate(certificate)}; dialed: ${host}`,
        });
      }
    }
    return [...untrusted, ...unnamed];
  },
});

export const examples = (): RuleExamples => ({ bad: X.konnectivityOtherCa, good: X.konnectivity });
