import { LINKS } from '../../catalogue/links';
import { INSECURE_CIPHER_SUITES, OLD_TLS_VERSIONS } from '../../model/tls';
import { kubeletFindings } from '../support/kubelet-findings';
import { defineRule, type RawFinding } from '../../engine/rule';
import { kubeletConfig, lines, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'kubelet-weak-tls',
  path: 'apiserver-to-kubelet',
  severity: 'medium',
  category: 'security',
  title: 'The kubelet accepts weak TLS',
  description:
    'The API server reaches the kubelet over TLS for logs, exec, attach and port-forward. A tlsMinVersion below VersionTLS12, or tlsCipherSuites with suites the Kubernetes references call insecure (RC4, 3DES, CBC-SHA256, RSA key exchange), lets a network attacker push the connection to a weak one. Left unset, the Go defaults are safe.',
  remediation:
    'Set tlsMinVersion: VersionTLS12 (or VersionTLS13) in the kubelet config file and remove the insecure suites from tlsCipherSuites (or leave it unset for the Go defaults); the same for --tls-min-version and --tls-cipher-suites.',
  links: [LINKS.kubeletConfiguration, LINKS.kubeletFlags],
  references: ['CIS 4.2.12', 'KCV-0092'],
  requires: ['kubelet'],
  check: (model, context) =>
    kubeletFindings(model, context, (kubelet) => {
      const minVersion = kubelet.setting('tlsMinVersion');
      const suites = kubelet.setting('tlsCipherSuites');
      if (!minVersion || !suites) return undefined;
      const insecure = suites.value.filter((suite) => INSECURE_CIPHER_SUITES.has(suite));
      const findings: RawFinding[] = [];
      if (OLD_TLS_VERSIONS.has(minVersion.value)) {
        findings.push({
          subject: kubelet.name,
          message: `${kubelet.name} accepts TLS below 1.2: ${minVersion.describe}.`,
          location: minVersion.location,
          evidence: minVersion.describe,
        });
      }
      if (insecure.length > 0) {
        findings.push({
          subject: kubelet.name,
          message: `${kubelet.name} offers insecure cipher suites ${insecure.join(', ')}: ${suites.describe}.`,
          location: suites.location,
          evidence: suites.describe,
        });
      }
      return findings;
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    kubeletConfig(
      lines('tlsMinVersion: VersionTLS10', 'tlsCipherSuites:', '- TLS_RSA_WITH_3DES_EDE_CBC_SHA'),
    ),
  ),
  good: upload(
    kubeletConfig(
      lines('tlsMinVersion: VersionTLS12', 'tlsCipherSuites:', '- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'),
    ),
  ),
});
