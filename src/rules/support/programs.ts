/**
 * Every program the model holds, whatever layout it came from, as the startup-failure rules judge it:
 * the flags the upload writes for it, the version whose flags it has (its own image tag, else the
 * cluster's), and the communication path that breaks when it does not start (RULES.md "Startup
 * failures": the control plane and kube-proxy on node-to-control-plane, the kubelet on
 * apiserver-to-kubelet, Konnectivity on konnectivity).
 */
import { LIMITS } from '../../catalogue/limits';
import type { RawFinding } from '../../engine/rule';
import type { ClusterModel } from '../../model/cluster-model';
import type { ControlPlaneComponent } from '../../model/control-plane';
import { Suggestions } from '../../model/flag-facts/closest';
import { flagStatus, type FlagStatus, type OutsideTables } from '../../model/flag-facts/flag-status';
import type { FlagComponent } from '../../model/flag-facts/tables';
import type { Flag, FlagSet } from '../../model/flags';
import { valueKindOf, valueProblems, type ValueProblem } from '../../model/flag-facts/value-problems';
import type { Kubelet } from '../../model/kubelet';
import { proxyVersion } from '../../model/konnectivity';
import type { PathId } from '../../schemas/common';

export interface Program {
  program: FlagComponent;
  /** "kube-apiserver (/etc/kubernetes/manifests/kube-apiserver.yaml)", "kubelet on node worker-1". */
  name: string;
  flags: FlagSet;
  path: PathId;
  /** `1.31`, a Konnectivity tag `v0.33.0`, or null when unknown. */
  version: string | null;
  /** Where the version was read: `image … in …`, `request option kubernetesVersion`. */
  versionSource: string;
  /** The kubelet itself, for its config file. */
  kubelet?: Kubelet;
  /** What the flag facts answered for this program in this version (see judgementsFor). */
  judgements: Judgements;
  /** The upload's "did you mean" lookups, shared by its programs. */
  suggestions: Suggestions;
}

/**
 * The flag facts' answers depend on the program, its version and the flag alone, and the programs of
 * one upload repeat them (every static pod of a control plane writes the same flags): they are worked
 * out once per program and version of the model, by flag name, and by name and value. Held by the
 * model's programs only, so nothing outlives the request.
 */
interface Judgements {
  statuses: Map<string, FlagStatus>;
  /** By flag name, then value. */
  values: Map<string, Map<string, readonly ValueProblem[]>>;
}

function judgementsFor(): (program: FlagComponent, version: string | null) => Judgements {
  const byProgram = new Map<string, Judgements>();
  return (program, version) => {
    const key = `${program}\0${version ?? ''}`;
    let judgements = byProgram.get(key);
    if (!judgements) byProgram.set(key, (judgements = { statuses: new Map(), values: new Map() }));
    return judgements;
  };
}

function controlPlane(
  component: ControlPlaneComponent,
  program: FlagComponent,
  path: PathId,
  model: ClusterModel,
  judgements: ReturnType<typeof judgementsFor>,
  suggestions: Suggestions,
): Program {
  const tag = program.startsWith('konnectivity') ? proxyVersion(component) : undefined;
  const own = tag ? `v${tag.join('.')}` : component.imageVersion;
  const source = component.versionSource ?? `image ${component.image ?? ''} in ${component.file}`;
  const version = own ?? model.version?.minor ?? null;
  return {
    program,
    name: component.name,
    flags: component.flags,
    path,
    version,
    versionSource: own ? source : (model.version?.source ?? 'unknown'),
    judgements: judgements(program, version),
    suggestions,
  };
}

/**
 * Four rules judge every flag of every program: the programs, their written flags and each flag's status
 * are worked out once per model (the model does not change once built).
 */
const programsByModel = new WeakMap<ClusterModel, readonly Program[]>();
const judgedByProgram = new WeakMap<Program, readonly JudgedFlag[]>();

export function programsOf(model: ClusterModel): readonly Program[] {
  let programs = programsByModel.get(model);
  if (!programs) programsByModel.set(model, (programs = listPrograms(model)));
  return programs;
}

function listPrograms(model: ClusterModel): Program[] {
  const judgements = judgementsFor();
  const suggestions = new Suggestions();
  const of = (list: readonly ControlPlaneComponent[], program: FlagComponent, path: PathId) =>
    list.map((component) => controlPlane(component, program, path, model, judgements, suggestions));
  return [
    ...of(model.apiServers, 'kube-apiserver', 'node-to-control-plane'),
    ...of(model.controllerManagers, 'kube-controller-manager', 'node-to-control-plane'),
    ...of(model.schedulers, 'kube-scheduler', 'node-to-control-plane'),
    ...of(model.proxies, 'kube-proxy', 'node-to-control-plane'),
    ...model.kubelets.map((kubelet) => ({
      program: 'kubelet' as const,
      name: kubelet.name,
      flags: kubelet.flags,
      path: 'apiserver-to-kubelet' as const,
      version: model.version?.minor ?? null,
      versionSource: model.version?.source ?? 'unknown',
      kubelet,
      judgements: judgements('kubelet', model.version?.minor ?? null),
      suggestions,
    })),
    ...of(model.konnectivityServers, 'konnectivity-server', 'konnectivity'),
    ...of(model.konnectivityAgents, 'konnectivity-agent', 'konnectivity'),
  ];
}

/** A flag the upload itself writes, with what the program does with it in its version. */
export interface JudgedFlag {
  flag: Flag;
  /** Shared by the programs and rules that ask: do not change it. */
  status: FlagStatus;
}

/** The flags the upload itself writes (not the defaults a layout such as kubeadm's adds for it), judged. */
export function judgedFlags(program: Program): readonly JudgedFlag[] {
  let judged = judgedByProgram.get(program);
  if (!judged) judgedByProgram.set(program, (judged = judgeWritten(program)));
  return judged;
}

function judgeWritten(program: Program): JudgedFlag[] {
  const { statuses } = program.judgements;
  const judged: JudgedFlag[] = [];
  for (const flag of program.flags.flags) {
    if (flag.location.default) continue;
    let status = statuses.get(flag.name);
    if (!status) statuses.set(flag.name, (status = flagStatus(program.program, flag.name, program.version)));
    judged.push({ flag, status });
  }
  return judged;
}

/**
 * What `judge` finds in each flag the program is given by the upload (the first of them: keepFirst). A
 * loop, not a flatMap: most flags are fine, and a component's command line has dozens of them.
 */
export function findingsPerWrittenFlag(
  program: Program,
  judge: (program: Program, judged: JudgedFlag) => readonly RawFinding[],
): RawFinding[] {
  const first = new FirstFindings(program);
  for (const judged of judgedFlags(program)) {
    const found = judge(program, judged);
    if (found.length > 0) first.add(found);
  }
  return first.list();
}

/** The first of a program's findings of one rule (see FirstFindings). */
export function keepFirst(program: Program, findings: readonly RawFinding[]): RawFinding[] {
  const first = new FirstFindings(program);
  first.add(findings);
  return first.list();
}

/**
 * A report lists a rule's first LIMITS.maxFindingsPerRule findings, and a program exits at its first
 * bad flag or field: of one program's, all but one of that many are kept and the last counts the rest,
 * so that a hundred thousand unknown flags or feature gates do not hold as many findings in memory (a
 * Worker has 128 MB).
 */
class FirstFindings {
  private readonly kept: RawFinding[] = [];
  private unlisted = 0;
  private firstUnlisted: RawFinding | undefined;

  constructor(private readonly program: Program) {}

  add(findings: readonly RawFinding[]): void {
    for (const finding of findings) {
      if (this.kept.length < LIMITS.maxFindingsPerRule - 1) this.kept.push(finding);
      else {
        this.unlisted++;
        this.firstUnlisted ??= finding;
      }
    }
  }

  list(): RawFinding[] {
    if (!this.firstUnlisted) return this.kept;
    return [...this.kept, countingTheRest(this.program, this.firstUnlisted, this.unlisted)];
  }
}

function countingTheRest(program: Program, first: RawFinding, count: number): RawFinding {
  return {
    ...first,
    subject: `${program.name} (${count} more)`,
    message: `${first.message} ${program.name} has ${count - 1} more findings of this rule after this one, not listed one by one: fix these and lint again.`,
  };
}

/**
 * What the program rejects in a flag's value at startup (shared: do not change it). Nothing for a value
 * a shell, systemd or the kubelet expands first, for free text, and for a flag the program does not have
 * (unknown-flag's or removed-flag's finding).
 */
export function valueProblemsOf({ flag, status }: JudgedFlag, program: Program): readonly ValueProblem[] {
  // Not kept for a flag the program lacks: an upload of a hundred thousand of them would keep as many.
  if (status.state !== 'accepted' && status.state !== 'deprecated') return NO_PROBLEMS;
  let byValue = program.judgements.values.get(flag.name);
  if (!byValue)
    program.judgements.values.set(flag.name, (byValue = new Map<string, readonly ValueProblem[]>()));
  let problems = byValue.get(flag.value);
  if (!problems) byValue.set(flag.value, (problems = judgeValue(flag, status, program)));
  return problems;
}

const NO_PROBLEMS: readonly ValueProblem[] = [];

function judgeValue(flag: Flag, status: FlagStatus, program: Program): readonly ValueProblem[] {
  if (isExpanded(flag.value)) return [];
  const kind = valueKindOf(flag.name, status.type);
  if (!kind) return [];
  return valueProblems(kind, flag.value, program.program, program.version, flag.name, program.suggestions);
}

/** The flag as the upload writes it (`--name=value`), for the evidence. */
export const asWritten = (flag: Flag): string => `${flag.shorthand ? '-' : '--'}${flag.name}=${flag.value}`;

/** A value that a shell, systemd or the kubelet expands before the program reads it (`$(NODE_NAME)`). */
const isExpanded = (value: string): boolean => /\$|\{\{/.test(value);

/** "the cluster runs 1.31 (image …)", "konnectivity-agent is v0.33.0 (image …)", or that it is unknown. */
export function runs(program: Program): string {
  if (program.version === null) return 'the version is unknown (give the kubernetesVersion option)';
  const who = program.version.startsWith('v0.') ? `${program.program} is` : 'the cluster runs';
  return `${who} ${program.version} (${program.versionSource})`;
}

/** What a finding says when the tables could not describe the version asked for. */
export function outsideNote(outside: OutsideTables | undefined): string {
  if (!outside) return '';
  if (outside.why === 'version-unknown')
    return ` Judged by the ${outside.table} table, the newest one, as the version is unknown.`;
  if (outside.why === 'newer-than-tables')
    return ` The tables stop at ${outside.table}, so this was judged by the ${outside.table} table.`;
  return ` The tables start at ${outside.table}, so this was judged by the ${outside.table} table.`;
}
