import { compareMinor } from '../../model/version';
import { LINKS } from '../../catalogue/links';
import { defineRule } from '../../engine/rule';
import { apiserver, uploadAt } from '../support/examples';
import { own } from '../../security/own-property';

/** kube-apiserver flags and the Kubernetes version that removed them (k8s-facts §2, §9.6). */
const REMOVED: Record<string, string> = {
  'basic-auth-file': '1.19',
  'kubelet-https': '1.22',
  'ssh-user': '1.22',
  'ssh-keyfile': '1.22',
  'insecure-port': '1.24',
  'insecure-bind-address': '1.24',
  port: '1.24',
  address: '1.24',
};

export default defineRule({
  id: 'removed-flag',
  path: 'node-to-control-plane',
  severity: 'critical',
  category: 'breakage',
  title: 'The API server is given a flag its version no longer has',
  description:
    'kube-apiserver stops at start-up with "unknown flag" when given a removed flag: --basic-auth-file (removed in 1.19), --kubelet-https, --ssh-user and --ssh-keyfile (1.22), --insecure-port, --insecure-bind-address, --port and --address (1.24). The version comes from the kubernetesVersion option or the image tag; when it is unknown the finding is low and says so.',
  remediation:
    'Remove the flag from kube-apiserver (and move its purpose to the replacement: client certificates, the secure port, Konnectivity).',
  links: [LINKS.kubeApiserverFlags],
  references: [],
  requires: ['apiserver'],
  examples: {
    bad: uploadAt('1.31', apiserver(['--insecure-port=0'])),
    good: uploadAt('1.31', apiserver(['--secure-port=6443'])),
  },
  check: (model) =>
    model.apiServers.flatMap((server) =>
      server.flags.flags.flatMap((flag) => {
        const removedIn = own(REMOVED, flag.name);
        if (!removedIn) return [];
        const version = model.version;
        if (version && compareMinor(version.minor, removedIn) < 0) return [];
        const base = {
          subject: server.name,
          location: flag.location,
          evidence: `--${flag.name}=${flag.value}`,
        };
        if (!version) {
          return [
            {
              ...base,
              message: `${server.name} sets --${flag.name}, removed in Kubernetes ${removedIn}; the cluster's version is unknown (give the kubernetesVersion option), so whether the API server starts cannot be told.`,
              severity: {
                value: 'low' as const,
                reason:
                  'the Kubernetes version is unknown: the flag breaks start-up only from the version that removed it',
              },
            },
          ];
        }
        return [
          {
            ...base,
            message: `${server.name} sets --${flag.name}, removed in Kubernetes ${removedIn}; the cluster runs ${version.minor} (${version.source}), so the API server does not start ("unknown flag: --${flag.name}").`,
          },
        ];
      }),
    ),
});
