import type { FlagStatus } from '../../model/flag-facts/flag-status';
import type { Flag } from '../../model/flags';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { apiserver, uploadAt, type RuleExamples } from '../support/examples';
import {
  asWritten,
  findingsPerWrittenFlag,
  outsideNote,
  programsOf,
  runs,
  type JudgedFlag,
  type Program,
} from '../support/programs';
import { STARTUP_PATHS } from '../support/startup-paths';

export default defineRule({
  id: 'removed-flag',
  paths: STARTUP_PATHS,
  severity: 'critical',
  category: 'breakage',
  title: 'A component is given a flag its version no longer has',
  description:
    "A component given a flag its version removed exits at startup with \"unknown flag\" — kube-apiserver --basic-auth-file (removed in 1.19), --kubelet-https, --ssh-user and --ssh-keyfile (1.22), --insecure-port, --insecure-bind-address, --port and --address (1.24), the klog flags such as --logtostderr (1.26), the kubelet's --network-plugin (1.24) and --pod-infra-container-image (1.35), and every other removal a release note or the source confirms, for every component and version. The version comes from the component's image tag, the kubernetesVersion option or the API server's image; when it is unknown the finding is low and says so, and a flag that only left the reference pages (no confirmed removal) is low too.",
  remediation:
    'Remove the flag from the component (and move its purpose to the replacement the finding names: a config-file field, the secure port, client certificates, Konnectivity).',
  links: [LINKS.kubeApiserverFlags, LINKS.kubeletFlags, LINKS.deprecationPolicy],
  references: [],
  requires: ['component'],
  check: (model) => programsOf(model).flatMap((program) => findingsPerWrittenFlag(program, judge)),
});

export const examples = (): RuleExamples => ({
  bad: uploadAt('1.31', apiserver(['--insecure-port=0'])),
  good: uploadAt('1.31', apiserver(['--secure-port=6443'])),
});

function judge(program: Program, { flag, status }: JudgedFlag): RawFinding[] {
  if (status.state !== 'removed' && !(status.state === 'undocumented' && status.removedIn !== undefined))
    return [];
  const base = {
    subject: program.name,
    location: flag.location,
    evidence: asWritten(flag),
    path: program.path,
  };
  const product = program.program.startsWith('konnectivity') ? 'apiserver-network-proxy' : 'Kubernetes';
  const instead = status.replacement ? ` (use ${status.replacement} instead)` : '';
  if (status.state === 'undocumented') {
    return [
      {
        ...base,
        message: `${program.name} sets --${flag.name}, which the ${program.program} reference stopped listing in ${status.removedIn ?? ''}; no release note or source confirms its removal, so whether it still starts cannot be told (${runs(program)}).${instead ? ` Its replacement: ${status.replacement ?? ''}.` : ''}`,
        severity: {
          value: 'low',
          reason: 'the flag left the reference pages, but its removal is not confirmed',
        },
      },
    ];
  }
  if (program.version === null) {
    return [
      {
        ...base,
        message: `${program.name} sets --${flag.name}, removed in ${product} ${status.removedIn ?? ''}${instead}; the cluster's version is unknown (give the kubernetesVersion option), so whether it starts cannot be told.`,
        severity: {
          value: 'low',
          reason:
            'the Kubernetes version is unknown: the flag breaks start-up only from the version that removed it',
        },
      },
    ];
  }
  return [{ ...base, message: removedMessage(program, flag, status, product, instead) }];
}

function removedMessage(
  program: Program,
  flag: Flag,
  status: FlagStatus,
  product: string,
  instead: string,
): string {
  return `${program.name} sets --${flag.name}, removed in ${product} ${status.removedIn ?? ''}${instead}; ${runs(program)}, so it does not start ("unknown flag: --${flag.name}").${outsideNote(status.outside)}`;
}
