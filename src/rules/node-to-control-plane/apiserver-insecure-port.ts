import type { Flag } from '../../model/flags';
import { flagInertSince, flagRemovedIn } from '../../model/flag-facts/flag-status';
import { compareMinor } from '../../model/version';
import { LINKS } from '../../catalogue/links';
import { APISERVER } from '../../model/settings/kube-apiserver';
import { defineRule, type RawFinding } from '../../engine/rule';
import { isLoopback } from '../../model/addresses';
import { apiserver, uploadAt, type RuleExamples } from '../support/examples';
import { componentMinor } from '../support/component-version';

export default defineRule({
  id: 'apiserver-insecure-port',
  path: 'node-to-control-plane',
  severity: 'critical',
  category: 'security',
  title: 'The API server serves plain HTTP without authentication or authorization',
  description:
    'Before Kubernetes 1.20 kube-apiserver could serve a second, insecure port (--insecure-port, by default 8080 on 127.0.0.1, so also when the flag is unset): plain HTTP that skips authentication and authorization, so anyone who reaches it controls the cluster. Bound to a loopback address it is high (every process and hostNetwork pod of the node), else critical. From 1.20 only --insecure-port=0 is accepted (anything else stops the API server from starting) and the flags were removed in 1.24 (reported by removed-flag).',
  remediation:
    'Set --insecure-port=0 and remove --insecure-bind-address from kube-apiserver (on 1.24 and later remove both flags), and let every client use the secure port.',
  links: [LINKS.controllingAccess, LINKS.kubeApiserverFlags],
  references: ['C-0005', 'CKV_K8S_88'],
  requires: ['apiserver'],
  check: (model) =>
    model.apiServers.flatMap((server): RawFinding[] => {
      const version = componentMinor(server, model);
      if (version && compareMinor(version, flagRemovedIn('kube-apiserver', 'insecure-port')) >= 0) return []; // removed-flag's
      const port = APISERVER.insecurePort.written(server) ?? APISERVER.port.written(server);
      const bind = APISERVER.insecureBindAddress.written(server) ?? APISERVER.address.written(server);
      if (port?.value === '0') return [];
      if (version && compareMinor(version, flagInertSince('kube-apiserver', 'insecure-port')) >= 0) {
        if (!port) return []; // inert since 1.20: nothing is served
        return [
          {
            subject: server.name,
            message: `${server.name} sets --${port.name}=${port.value}, but from Kubernetes 1.20 (it runs ${version}) only 0 is accepted: the API server does not start ("invalid port value ${port.value}: only zero is allowed").`,
            location: port.location,
            evidence: `--${port.name}=${port.value}`,
            category: 'breakage',
          },
        ];
      }
      // Before 1.20 an unset --insecure-port is 8080 (the default): judged as if set. With the version
      // unknown, or flags a distribution does not show (k3s), only a written flag tells.
      if (!port && !bind && (!version || server.partial)) return [];
      const where = bind?.value ?? '127.0.0.1';
      const set = [port, bind].filter((f): f is Flag => f !== undefined);
      const location = (port ?? bind)?.location ?? APISERVER.insecurePort.defaultLocation(server);
      const how = port
        ? `--${port.name}=${port.value}`
        : `--insecure-port is not set, and its default before Kubernetes 1.20 is 8080`;
      const loopback = isLoopback(where);
      return [
        {
          subject: server.name,
          message: `${server.name} serves plain HTTP without authentication or authorization on ${where}:${port?.value ?? 8080} (${[how, ...(bind ? [`--${bind.name}=${bind.value}`] : [])].join(', ')})${version ? '' : '; this applies before Kubernetes 1.20, and the version is unknown'}.`,
          location,
          related: set.filter((f) => f.location !== location).map((f) => f.location),
          evidence: set.length > 0 ? set.map((f) => `--${f.name}=${f.value}`).join(' ') : how,
          ...(loopback
            ? {
                severity: {
                  value: 'high' as const,
                  reason: `it listens on ${where} only: every process and hostNetwork pod of the control-plane node gets full access, nothing beyond it`,
                },
              }
            : {}),
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: uploadAt('1.19', apiserver(['--insecure-port=8080', '--insecure-bind-address=0.0.0.0'], '1.19.16')),
  good: uploadAt('1.19', apiserver(['--insecure-port=0'], '1.19.16')),
});
