import { componentsDefining, type FlagStatus } from '../../model/flag-facts/flag-status';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { apiserver, upload, type RuleExamples } from '../support/examples';
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
  id: 'unknown-flag',
  paths: STARTUP_PATHS,
  severity: 'critical',
  category: 'breakage',
  title: 'A component is given a flag it does not have',
  description:
    'Every Kubernetes component, and the Konnectivity server and agent, parse their flags with pflag and exit at startup on a flag they do not define ("unknown flag: --x"): a typo, a flag of another component, one that arrives only in a later version, or a long flag written with one dash ("unknown shorthand flag"). The flags each component defines in each version come from its reference pages and its source (deprecated flags the pages hide included); kube components read `_` as `-`, Konnectivity does not. A flag that the tables cannot place in the version (only some patch releases have it) is reported as low.',
  remediation:
    'Correct the flag (the finding names the nearest real one), move it to the component that has it, or upgrade to the version that added it.',
  links: [
    LINKS.kubeApiserverFlags,
    LINKS.kubeletFlags,
    LINKS.kubeControllerManagerFlags,
    LINKS.kubeSchedulerFlags,
  ],
  references: [],
  requires: ['component'],
  check: (model) => programsOf(model).flatMap((program) => findingsPerWrittenFlag(program, judge)),
});

export const examples = (): RuleExamples => ({
  bad: upload(apiserver(['--kubelet-certificate-authorty=/etc/kubernetes/pki/ca.crt'])),
  good: upload(apiserver(['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt'])),
});

function judge(program: Program, { flag, status }: JudgedFlag): RawFinding[] {
  const oneDash = flag.shorthand && flag.name.length > 1;
  // Most flags are known: answer them before building a finding's parts.
  if (!oneDash && isKnown(status)) return [];
  const base = {
    subject: program.name,
    location: flag.location,
    evidence: asWritten(flag),
    path: program.path,
  };
  if (oneDash) {
    return [
      {
        ...base,
        message: `${program.name} is given -${flag.name} with one dash, which pflag reads as the shorthand letters of -${flag.name.charAt(0)}: it exits at startup ("unknown shorthand flag: '${flag.name.charAt(0)}' in -${flag.name}"). Write --${flag.name}.`,
      },
    ];
  }
  const note = outsideNote(status.outside);
  if (status.state === 'undocumented' && status.removedIn === undefined) {
    return [
      {
        ...base,
        message: `${program.name} sets ${status.flag}, which the tables cannot place in its version (${runs(program)}): only some patch releases may define it. Check that it starts.${note}`,
        severity: {
          value: 'low',
          reason: 'the flag facts cannot tell whether this version defines the flag',
        },
      },
    ];
  }
  if (status.addedIn) {
    return [
      {
        ...base,
        message: `${program.name} sets ${status.flag}, which ${program.program} has only from ${status.addedIn}; ${runs(program)}, so it exits at startup ("unknown flag: ${status.flag}"). Upgrade, or remove the flag.${note}`,
      },
    ];
  }
  const closest = program.suggestions.flag(program.program, flag.name, program.version);
  const others = componentsDefining(flag.name, program.version).filter((c) => c !== program.program);
  // Near no real flag, in a version newer than the tables: it may be one that version added.
  const maybeNew = !closest && others.length === 0 && status.outside?.why === 'newer-than-tables';
  return [
    {
      ...base,
      ...(maybeNew
        ? {
            severity: {
              value: 'medium' as const,
              reason: `the tables stop at ${status.outside?.table ?? ''}: ${program.version ?? ''} may define the flag`,
            },
          }
        : {}),
      message: `${program.name} does not know --${flag.name} (${runs(program)}): it exits at startup ("unknown flag: --${flag.name}").${closest ? ` Did you mean ${closest}?` : ''}${others.length > 0 ? ` --${flag.name} is a flag of ${others.join(' and ')}.` : ''}${note}`,
    },
  ];
}

/** Defined in the version, or left to removed-flag: nothing for this rule to say. */
function isKnown(status: FlagStatus): boolean {
  if (status.state === 'undocumented') return status.removedIn !== undefined;
  return status.state !== 'unknown';
}
