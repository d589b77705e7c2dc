import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { apiserver, upload, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-authorization-always-allow',
  path: 'node-to-control-plane',
  severity: 'critical',
  category: 'security',
  title: 'The API server authorizes every request',
  description:
    'With the AlwaysAllow authorizer any authenticated client, and anonymous requests when they are enabled, may do anything in the cluster: a compromised node or pod token owns the control plane. The API server uses AlwaysAllow when neither --authorization-mode nor --authorization-config is set.',
  remediation:
    'Set --authorization-mode=Node,RBAC on kube-apiserver (or list Node and RBAC authorizers in its --authorization-config file) and remove AlwaysAllow.',
  links: [LINKS.authorization, LINKS.kubeApiserverFlags],
  references: ['CIS 1.2.6', 'KCV-0007'],
  requires: ['apiserver'],
  check: (model, context) =>
    model.apiServers.flatMap((server) => {
      const authorization = server.authorization;
      if (!authorization.known) {
        context.notEvaluated(`${server.name}: ${authorization.reason}`);
        return [];
      }
      const allow = authorization.authorizers.find((authorizer) => authorizer.type === 'AlwaysAllow');
      if (!allow) return [];
      return [
        {
          subject: server.name,
          message: authorization.isDefault
            ? `${server.name} sets neither --authorization-mode nor --authorization-config, so it authorizes every request (AlwaysAllow).`
            : `${server.name} authorizes every request: AlwaysAllow is among its authorizers (${authorization.describe}).`,
          location: allow.location,
          evidence: authorization.describe,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--authorization-mode=AlwaysAllow'])),
  good: upload(apiserver(['--authorization-mode=Node,RBAC'])),
});
