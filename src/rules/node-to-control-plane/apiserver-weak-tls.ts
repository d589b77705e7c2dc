import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { INSECURE_CIPHER_SUITES, OLD_TLS_VERSIONS } from '../../model/tls';
import { defineRule } from '../../engine/rule';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-weak-tls',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'The API server accepts weak TLS',
  description:
    'Every node and pod talks to the API server over TLS. --tls-min-version below VersionTLS12, or a --tls-cipher-suites list with suites the kube-apiserver reference calls insecure (RC4, 3DES, CBC-SHA256, RSA key exchange), lets a client and a network attacker negotiate a connection that can be downgraded or broken. Left unset, the Go defaults are safe.',
  remediation:
    'Set --tls-min-version=VersionTLS12 (or VersionTLS13) on kube-apiserver and remove the insecure suites from --tls-cipher-suites (or leave it unset for the Go defaults).',
  links: [LINKS.kubeApiserverFlags],
  references: ['CIS 1.2.29', 'C-0277'],
  requires: ['apiserver'],
  check: (model) =>
    model.apiServers.flatMap((server) => {
      const minVersion = APISERVER.secureServing.tlsMinVersion.written(server);
      const suites = APISERVER.secureServing.tlsCipherSuites
        .of(server)
        .items.filter((s) => INSECURE_CIPHER_SUITES.has(s.value));
      return [
        ...(minVersion && OLD_TLS_VERSIONS.has(minVersion.value)
          ? [
              {
                subject: server.name,
                message: `${server.name} accepts TLS below 1.2: --tls-min-version=${minVersion.value}.`,
                location: minVersion.location,
                evidence: `--tls-min-version=${minVersion.value}`,
              },
            ]
          : []),
        ...(suites[0]
          ? [
              {
                subject: server.name,
                message: `${server.name} offers insecure cipher suites in --tls-cipher-suites: ${suites.map((s) => s.value).join(', ')}.`,
                location: suites[0].location,
                evidence: `--tls-cipher-suites includes ${suites.map((s) => s.value).join(',')}`,
              },
            ]
          : []),
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    apiserver(['--tls-min-version=VersionTLS10', '--tls-cipher-suites=TLS_RSA_WITH_3DES_EDE_CBC_SHA']),
  ),
  good: upload(apiserver(['--tls-min-version=VersionTLS12'])),
});
