import { LINKS } from '../../catalogue/links';
import { flagRemovedIn } from '../../model/flag-facts/flag-status';
import { defineRule } from '../../engine/rule';
import { sshFlags } from '../support/ssh-flags';
import {
  EGRESS_SELECTOR_FILE,
  KONNECTIVITY_MOUNTS,
  apiserver,
  egressSelector,
  uploadAt,
  withHostPaths,
  type RuleExamples,
} from '../support/examples';

export default defineRule({
  id: 'apiserver-ssh-tunnel-deprecated',
  path: 'ssh-tunnels',
  severity: 'medium',
  category: 'security',
  title: 'The API server uses the deprecated SSH tunnels',
  description:
    'With --ssh-user and --ssh-keyfile the API server opens SSH tunnels to every node (port 22) and sends its traffic to nodes, pods and services through them. The tunnels are deprecated since 1.9, only ever worked with the in-tree GCE provider, and the flags were removed in 1.22 (from then removed-flag reports them). The Konnectivity service replaces them.',
  remediation:
    'Deploy the Konnectivity service and point --egress-selector-config-file at an EgressSelectorConfiguration for it, then remove --ssh-user and --ssh-keyfile from kube-apiserver.',
  links: [LINKS.konnectivityService, LINKS.setupKonnectivity],
  references: [],
  requires: ['apiserver'],
  appliesTo: { before: flagRemovedIn('kube-apiserver', 'ssh-user') },
  check: (model) =>
    model.apiServers.flatMap((server) => {
      const flags = sshFlags(server);
      const first = flags[0];
      if (!first) return [];
      const shown = flags.map((flag) => `--${flag.name}=${flag.value}`).join(' ');
      const version = model.version
        ? `Kubernetes ${model.version.minor} still has them`
        : 'the version is unknown; the flags exist before 1.22';
      return [
        {
          subject: server.name,
          message: `${server.name} sets the deprecated SSH tunnel flags ${shown} (${version}): move to the Konnectivity service.`,
          location: first.location,
          related: flags.slice(1).map((flag) => flag.location),
          evidence: shown,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: uploadAt(
    '1.21',
    apiserver(['--ssh-user=tunnel', '--ssh-keyfile=/etc/srv/kubernetes/ssh-key'], '1.21.14'),
  ),
  good: uploadAt(
    '1.21',
    withHostPaths(
      apiserver([`--egress-selector-config-file=${EGRESS_SELECTOR_FILE}`], '1.21.14'),
      KONNECTIVITY_MOUNTS,
    ),
    egressSelector(),
  ),
});
