import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import type { ControlPlaneComponent } from '../../model/control-plane';
import type { CertificateBinding } from '../../model/certificates-binding';
import type { StoredCertificate } from '../../model/certificates';
import { certificateCovers } from '../../model/certificates-hosts';
import type { ClusterModel } from '../../model/cluster-model';
import type { Flag } from '../../model/flags';
import { KONNECTIVITY_AGENT } from '../../model/settings/konnectivity';
import type { CertificateInfo } from '../../ingest/x509';
import { describeCertificate } from '../support/certificate-findings';
import { CERTIFICATE_EXAMPLES as X } from '../support/example-certificates';
import type { RuleExamples } from '../support/examples';
import { namedFew, SHOWN } from '../support/named-few';
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
    return [...untrusted, ...unnamedFindings(model)];
  },
});

export const examples = (): RuleExamples => ({ bad: X.konnectivityOtherCa, good: X.konnectivity });

/** An agent and the address it dials (--proxy-server-host, else its default). */
interface Dialer {
  agent: ControlPlaneComponent;
  flag: Flag | undefined;
  host: string;
  port: number;
}

/**
 * Agents that dial an address the servers' certificate does not name: one finding per certificate,
 * however many servers present it and agents dial it (an upload may hold thousands of each), naming
 * the first SHOWN of each with their places.
 */
function unnamedFindings(model: ClusterModel): RawFinding[] {
  const { leaves, anchors } = model.certificates.check('konnectivity-cluster');
  const dialers = new Map<ControlPlaneComponent, Dialer>();
  for (const anchor of anchors) {
    if (anchor.owner.kind !== 'component' || dialers.has(anchor.owner.component)) continue;
    const agent = anchor.owner.component;
    const flag = KONNECTIVITY_AGENT.proxyServerHost.written(agent);
    const given = flag?.value.trim() ?? '';
    const host = given === '' ? KONNECTIVITY_AGENT.proxyServerHost.defaultValue : given;
    dialers.set(agent, { agent, flag, host, port: KONNECTIVITY_AGENT.proxyServerPort.of(agent).value });
  }
  const served = new Map<
    StoredCertificate,
    { certificate: CertificateInfo; servers: CertificateBinding[] }
  >();
  for (const leaf of leaves) {
    const first = leaf.bundle?.certificates[0];
    const certificate = first ? model.certificates.info(first) : undefined;
    if (!first || !certificate) continue;
    const known = served.get(first);
    if (known) known.servers.push(leaf);
    else served.set(first, { certificate, servers: [leaf] });
  }
  const findings: RawFinding[] = [];
  for (const [first, { certificate, servers }] of served) {
    const covered = new Map<string, boolean>();
    const covers = (host: string) => {
      let yes = covered.get(host);
      if (yes === undefined) covered.set(host, (yes = certificateCovers(certificate, host)));
      return yes;
    };
    const failing = [...dialers.values()].filter((dialer) => !covers(dialer.host));
    const [dialer] = failing;
    const [server] = servers;
    if (!dialer || !server) continue;
    // Agents that dial alike are named together: `a, b and 3 more dial the konnectivity-server at …`.
    const byAddress = new Map<string, string[]>();
    for (const { agent, flag, host, port } of failing) {
      const address = `${host}:${port} (${flag ? `--proxy-server-host=${host}` : `--proxy-server-host not set, default ${host}`})`;
      const agents = byAddress.get(address);
      if (agents) agents.push(agent.name);
      else byAddress.set(address, [agent.name]);
    }
    const dials = [...byAddress]
      .slice(0, SHOWN)
      .map(
        ([address, agents]) =>
          `${namedFew(agents, agents.length, ', ')} ${agents.length === 1 ? 'dials' : 'dial'} the konnectivity-server at ${address}`,
      );
    const serve = servers.length === 1 ? 'serves' : 'serve';
    const hosts = [...new Set(failing.map((d) => d.host))];
    findings.push({
      subject: `${dialer.agent.name} → ${subjectOf(certificate)}`,
      message: `${namedFew(dials, byAddress.size)}, but ${namedFew(
        servers.slice(0, SHOWN).map((s) => s.ownerName),
        servers.length,
        ', ',
      )} ${serve} ${certificate.subject.text} (${server.setting}), which is valid for ${[...certificate.dnsNames, ...certificate.ipAddresses].join(', ') || 'no name'}: ${failing.length === 1 ? 'the agent cannot' : 'these agents cannot'} connect.`,
      location: first.location,
      related: [
        ...servers.slice(0, SHOWN).map((s) => s.location),
        ...failing
          .slice(0, SHOWN)
          .map((d) => d.flag?.location ?? KONNECTIVITY_AGENT.proxyServerHost.defaultLocation(d.agent)),
      ],
      evidence: `${describeCertificate(certificate)}; dialed: ${namedFew(hosts, hosts.length, ', ')}`,
    });
  }
  return findings;
}
