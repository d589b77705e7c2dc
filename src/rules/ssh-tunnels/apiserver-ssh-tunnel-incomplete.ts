import { LINKS } from '../../catalogue/links';
import { flagRemovedIn } from '../../model/flag-facts/flag-status';
import { defineRule } from '../../engine/rule';
import { SSH_SETTINGS, sshFlags } from '../support/ssh-flags';
import { apiserver, uploadAt, type RuleExamples } from '../support/examples';

export default defineRule({
  id: 'apiserver-ssh-tunnel-incomplete',
  path: 'ssh-tunnels',
  severity: 'high',
  category: 'breakage',
  title: 'Only half of the SSH tunnel is configured',
  description:
    'The API server builds SSH tunnels only when both --ssh-user and --ssh-keyfile are set. With one of them it builds none, and its traffic to nodes, pods and services goes directly, as plain HTTP for the proxy, while the configuration suggests it is tunnelled.',
  remediation:
    'Set both --ssh-user and --ssh-keyfile on kube-apiserver, or better, remove both and deploy the Konnectivity service.',
  links: [LINKS.konnectivityService],
  references: [],
  requires: ['apiserver'],
  appliesTo: { before: flagRemovedIn('kube-apiserver', 'ssh-user') },
  check: (model) =>
    model.apiServers.flatMap((server) => {
      const flags = sshFlags(server);
      const set = flags[0];
      if (!set || flags.length === SSH_SETTINGS.length) return [];
      const missing = SSH_SETTINGS.find((setting) => setting.flag !== set.name)?.flag;
      return [
        {
          subject: server.name,
          message: `${server.name} sets --${set.name}=${set.value} but not --${missing}, so it builds no SSH tunnel and its traffic to nodes goes directly.`,
          location: set.location,
          evidence: `--${set.name}=${set.value}; --${missing} not set`,
        },
      ];
    }),
});

export const examples = (): RuleExamples => ({
  bad: uploadAt('1.21', apiserver(['--ssh-user=tunnel'], '1.21.14')),
  good: uploadAt(
    '1.21',
    apiserver(['--ssh-user=tunnel', '--ssh-keyfile=/etc/srv/kubernetes/ssh-key'], '1.21.14'),
  ),
});
