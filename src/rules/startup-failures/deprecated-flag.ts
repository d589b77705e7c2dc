import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { kubeletCommandLine, kubeletConfig, upload, type RuleExamples } from '../support/examples';
import {
  asWritten,
  outsideNote,
  programsOf,
  judgedFlags,
  type JudgedFlag,
  type Program,
} from '../support/programs';
import { STARTUP_PATHS } from '../support/startup-paths';

/** What pflag prints for every flag AddKubeletConfigFlags registers (cmd/kubelet/app/options/options.go). */
const CONFIG_FILE_MESSAGE =
  "This parameter should be set via the config file specified by the Kubelet's --config flag.";

export default defineRule({
  id: 'deprecated-flag',
  paths: STARTUP_PATHS,
  severity: 'info',
  category: 'breakage',
  title: 'A component is given a deprecated flag',
  description:
    'A deprecated flag still works: the component prints "Flag --x has been deprecated, …" and starts. It is removed in a later version, and then the component does not start (removed-flag). The finding names the replacement and the removal version where they are known. Every kubelet flag that sets a KubeletConfiguration field is deprecated in favour of the config file; those are listed together, one finding per kubelet.',
  remediation:
    'Move the setting to its replacement (for the kubelet, the field of its --config file) before upgrading to the version that removes the flag.',
  links: [LINKS.deprecationPolicy, LINKS.kubeletConfigFile],
  references: [],
  requires: ['component'],
  check: (model) => programsOf(model).flatMap(judge),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    kubeletCommandLine(['--config=/var/lib/kubelet/config.yaml', '--read-only-port=0']),
    kubeletConfig(),
  ),
  good: upload(
    kubeletCommandLine(['--config=/var/lib/kubelet/config.yaml']),
    kubeletConfig('readOnlyPort: 0\n'),
  ),
});

function judge(program: Program): RawFinding[] {
  const deprecated = judgedFlags(program).filter(({ status }) => status.state === 'deprecated');
  const toConfigFile = deprecated.filter(({ status }) => status.configField && !status.message);
  const others = deprecated.filter((entry) => !toConfigFile.includes(entry));
  return [...others.map((entry) => single(program, entry)), ...configFileFinding(program, toConfigFile)];
}

function single(program: Program, { flag, status }: JudgedFlag): RawFinding {
  // A flag marked DEPRECATED only in its help (kube-scheduler's --kubeconfig: ignored with --config) prints nothing.
  const printed = status.message
    ? ` ("Flag --${flag.name} has been deprecated, ${status.message}")`
    : ` (its reference marks it DEPRECATED${program.program === 'kube-scheduler' ? '; it is ignored when a config file is given with --config' : ''})`;
  const instead = status.replacement ? ` Use ${status.replacement} instead.` : '';
  const removal = status.removedIn ? ` It is removed in ${status.removedIn}.` : '';
  return {
    subject: program.name,
    message: `${program.name} sets --${flag.name}, deprecated since ${status.deprecatedIn ?? 'an earlier version'}${printed}.${instead}${removal}${outsideNote(status.outside)}`,
    location: flag.location,
    evidence: asWritten(flag),
    path: program.path,
  };
}

/** One finding for the kubelet flags that belong in its config file. */
function configFileFinding(program: Program, entries: readonly JudgedFlag[]): RawFinding[] {
  const [first] = entries;
  if (!first) return [];
  const moves = entries.map(({ flag, status }) => `--${flag.name} → ${status.configField ?? ''}`);
  return [
    {
      subject: `${program.name} (flags of the config file)`,
      message: `${program.name} sets ${entries.length === 1 ? 'a flag' : `${entries.length} flags`} the kubelet deprecates in favour of its config file ("${CONFIG_FILE_MESSAGE}"): ${moves.join(', ')}.${outsideNote(first.status.outside)}`,
      location: first.flag.location,
      related: entries.slice(1).map(({ flag }) => flag.location),
      evidence: entries.map(({ flag }) => asWritten(flag)).join(' '),
      path: program.path,
    },
  ];
}
