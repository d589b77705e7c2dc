import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { apiserver, file, lines, upload, type RuleExamples } from '../support/examples';

/** Paths anonymous requests may reach without exposing anything: health checks, and the public cluster-info kubeadm join discovery reads. */
const HARMLESS =
  /^\/(healthz|livez|readyz)(\/.*)?$|^\/api\/v1\/namespaces\/kube-public\/configmaps\/cluster-info$/;

export default defineRule({
  id: 'apiserver-anonymous-auth',
  path: 'node-to-control-plane',
  severity: 'medium',
  category: 'security',
  title: 'The API server accepts anonymous requests on any path',
  description:
    'kube-apiserver treats requests without credentials as system:anonymous (group system:unauthenticated) unless --anonymous-auth=false; the flag defaults to true. Anything RBAC grants those subjects, by mistake or by an old binding, is then open to everyone who reaches the port. From 1.31 an AuthenticationConfiguration anonymous section with conditions can keep anonymous access to health checks only (and the public cluster-info ConfigMap kubeadm join reads).',
  remediation:
    'Set --anonymous-auth=false on kube-apiserver, or (1.31 and later) restrict anonymous requests in its --authentication-config file with anonymous.conditions listing /healthz, /livez and /readyz.',
  links: [
    LINKS.anonymousRequests,
    LINKS.anonymousAuthenticatorConfiguration,
    LINKS.authenticationConfiguration,
  ],
  references: ['CIS 1.2.1', 'KCV-0001', 'C-0113'],
  requires: ['apiserver'],
  check: (model, context) =>
    model.apiServers.flatMap((server) => {
      const anonymous = server.anonymous;
      if (!anonymous.known) {
        context.notEvaluated(`${server.name}: ${anonymous.reason}`);
        return [];
      }
      if (!anonymous.enabled) return [];
      const open = anonymous.paths?.filter((path) => !HARMLESS.test(path));
      if (open?.length === 0) return [];
      return [
        {
          subject: server.name,
          message: open
            ? `${server.name} allows anonymous requests beyond health checks: ${anonymous.describe} includes ${open.join(', ')}.`
            : anonymous.source === 'default'
              ? `${server.name} accepts anonymous requests on every path: --anonymous-auth is not set and defaults to true.`
              : `${server.name} accepts anonymous requests on every path (${anonymous.describe}).`,
          location: anonymous.location,
          evidence: anonymous.describe,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--authorization-mode=Node,RBAC'], '1.34.1')),
  good: upload(
    apiserver(
      [
        '--authorization-mode=Node,RBAC',
        '--authentication-config=/etc/kubernetes/authentication-config.yaml',
      ],
      '1.34.1',
    ),
    file(
      '/etc/kubernetes/authentication-config.yaml',
      lines(
        'apiVersion: apiserver.config.k8s.io/v1',
        'kind: AuthenticationConfiguration',
        'anonymous:',
        '  enabled: true',
        '  conditions:',
        '  - path: /livez',
        '  - path: /readyz',
        '  - path: /healthz',
      ),
    ),
  ),
});
