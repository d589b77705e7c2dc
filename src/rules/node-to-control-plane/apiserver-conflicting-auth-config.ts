import { anonymousSection } from '../../model/authentication';
import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule, type RawFinding } from '../../engine/rule';
import { apiserver, authorizationConfig, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-conflicting-auth-config',
  path: 'node-to-control-plane',
  severity: 'high',
  category: 'breakage',
  title: 'The API server is given two authentication or authorization configurations',
  description:
    'kube-apiserver refuses to start when --authorization-config is combined with --authorization-mode or any --authorization-webhook-* flag, and when --anonymous-auth is set while its --authentication-config file has an anonymous section ("--anonymous-auth flag cannot be set when anonymous field is configured in authentication configuration file").',
  remediation:
    'Keep one source: move the authorizers into the --authorization-config file and drop --authorization-mode and --authorization-webhook-*, and drop --anonymous-auth when the authentication configuration has an anonymous section.',
  links: [LINKS.authorization, LINKS.anonymousAuthenticatorConfiguration, LINKS.kubeApiserverFlags],
  references: [],
  requires: ['apiserver'],
  check: (model, context) =>
    model.apiServers.flatMap((server): RawFinding[] => {
      const findings: RawFinding[] = [];
      const { authorizationConfig, authorizationMode, webhookFlags } = APISERVER.authorization;
      const authzConfig = authorizationConfig.written(server);
      const excluded = new Set([authorizationMode, ...webhookFlags].map((setting) => setting.flag));
      const legacy = server.flags.flags.filter((f) => excluded.has(f.name));
      if (authzConfig && legacy[0]) {
        const names = [...new Set(legacy.map((f) => `--${f.name}`))].join(', ');
        findings.push({
          subject: server.name,
          message: `${server.name} sets --authorization-config=${authzConfig.value} together with ${names}; the API server does not start.`,
          location: legacy[0].location,
          related: [authzConfig.location],
          evidence: `--authorization-config=${authzConfig.value} ${legacy.map((f) => `--${f.name}=${f.value}`).join(' ')}`,
        });
      }
      const anonymousFlag = APISERVER.authentication.anonymousAuth.written(server);
      const authn = server.authenticationConfig;
      if (anonymousFlag && authn.state === 'missing') {
        context.notEvaluated(
          `${server.name}: --authentication-config names ${authn.flag.value}, which was not uploaded: upload it to check it against --anonymous-auth`,
        );
      }
      if (anonymousFlag && authn.state === 'uploaded' && anonymousSection(authn.value)) {
        findings.push({
          subject: server.name,
          message: `${server.name} sets --anonymous-auth=${anonymousFlag.value} while ${authn.value.file} has an anonymous section; the API server does not start.`,
          location: anonymousFlag.location,
          related: [authn.value.at('/anonymous')],
          evidence: `--anonymous-auth=${anonymousFlag.value}; anonymous: in ${authn.value.file}`,
        });
      }
      return findings;
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    apiserver([
      '--authorization-mode=Node,RBAC',
      '--authorization-config=/etc/kubernetes/authorization-config.yaml',
    ]),
    authorizationConfig(['Node', 'RBAC']),
  ),
  good: upload(
    apiserver(['--authorization-config=/etc/kubernetes/authorization-config.yaml']),
    authorizationConfig(['Node', 'RBAC']),
  ),
});
