import { compareMinor } from '../../model/version';
import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule } from '../../engine/rule';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-service-account-tokens',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'breakage',
  title: 'The API server cannot issue or verify service-account tokens',
  description:
    'Pods reach the API server with service-account tokens. Since Kubernetes 1.20 kube-apiserver refuses to start without --service-account-issuer and --service-account-signing-key-file (unless --service-account-signing-endpoint names an external signer), and it verifies tokens with --service-account-key-file, falling back to --tls-private-key-file: with neither, no token can be verified.',
  remediation:
    'Set --service-account-issuer (an https URL), --service-account-signing-key-file and --service-account-key-file on kube-apiserver.',
  links: [LINKS.serviceAccountTokens, LINKS.serviceAccountsAdmin],
  references: ['CIS 1.2.22', 'KCV-0025'],
  requires: ['apiserver'],
  check: (model) =>
    model.apiServers.flatMap((server) => {
      const { issuer, signingKeyFile, keyFile, signingEndpoint } = APISERVER.serviceAccounts;
      const external = signingEndpoint.isSet(server);
      const required = !model.version || compareMinor(model.version.minor, '1.20') >= 0;
      const missing = [
        ...(required && !issuer.isSet(server) ? ['--service-account-issuer'] : []),
        ...(required && !external && !signingKeyFile.isSet(server)
          ? ['--service-account-signing-key-file']
          : []),
      ];
      const unverifiable =
        !external && !keyFile.isSet(server) && !APISERVER.secureServing.tlsPrivateKeyFile.isSet(server);
      if (missing.length === 0 && !unverifiable) return [];
      const problems = [
        ...(missing.length > 0
          ? [`it does not set ${missing.join(' or ')}, required since Kubernetes 1.20, so it does not start`]
          : []),
        ...(unverifiable
          ? [
              'neither --service-account-key-file nor --tls-private-key-file is set, so no service-account token can be verified',
            ]
          : []),
      ];
      return [
        {
          subject: server.name,
          message: `${server.name}: ${problems.join('; ')}.`,
          location: issuer.defaultLocation(server),
          evidence: [...missing, ...(unverifiable ? ['--service-account-key-file'] : [])]
            .map((flag) => `${flag} is not set`)
            .join('; '),
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--service-account-key-file=/etc/kubernetes/pki/sa.pub'])),
  good: upload(
    apiserver([
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
      '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
    ]),
  ),
});
