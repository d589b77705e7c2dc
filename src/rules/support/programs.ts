/**
 * Every program the model holds, whatever layout it came from, as the startup-failure rules judge it:
 * the flags the upload writes for it, the version whose flags it has (its own image tag, else the
 * cluster's), and the communication path that breaks when it does not start (RULES.md "Startup
 * failures": the control plane and kube-proxy on node-to-control-plane, the kubelet on
 * apiserver-to-kubelet, Konnectivity on konnectivity).
 */
import type { ClusterModel } from '../../model/cluster-model';
import type { ControlPlaneComponent } from '../../model/control-plane';
import { flagStatus, type FlagStatus, type OutsideTables } from '../../model/flag-facts/flag-status';
import type { FlagComponent } from '../../model/flag-facts/tables';
import type { Flag, FlagSet } from '../../model/flags';
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
}

function controlPlane(
  component: ControlPlaneComponent,
  program: FlagComponent,
  path: PathId,
  model: ClusterModel,
): Program {
  const tag = program.startsWith('konnectivity') ? proxyVersion(component) : undefined;
  const own = tag ? `v${tag.join('.')}` : component.imageVersion;
  const source = component.versionSource ?? `image ${component.image ?? ''} in ${component.file}`;
  return {
    program,
    name: component.name,
    flags: component.flags,
    path,
    version: own ?? model.version?.minor ?? null,
    versionSource: own ? source : (model.version?.source ?? 'unknown'),
  };
}

/**
 * Four rules judge every flag of every program: the programs, their written flags and each flag's status
 * are worked out once per model (the model does not change once built).
 */
const programsByModel = new WeakMap<ClusterModel, readonly Program[]>();
const writtenByProgram = new WeakMap<Program, readonly Flag[]>();
const statusesByProgram = new WeakMap<Program, Map<Flag, FlagStatus>>();

export function programsOf(model: ClusterModel): readonly Program[] {
  let programs = programsByModel.get(model);
  if (!programs) programsByModel.set(model, (programs = listPrograms(model)));
  return programs;
}

function listPrograms(model: ClusterModel): Program[] {
  const of = (list: readonly ControlPlaneComponent[], program: FlagComponent, path: PathId) =>
    list.map((component) => controlPlane(component, program, path, model));
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
    })),
    ...of(model.konnectivityServers, 'konnectivity-server', 'konnectivity'),
    ...of(model.konnectivityAgents, 'konnectivity-agent', 'konnectivity'),
  ];
}

/** The flags the upload itself writes (not the defaults a layout such as kubeadm's adds for it). */
export function writtenFlags(program: Program): readonly Flag[] {
  let written = writtenByProgram.get(program);
  if (!written)
    writtenByProgram.set(program, (written = program.flags.flags.filter((f) => !f.location.default)));
  return written;
}

/** What the program does with one of its flags in its version (shared: do not change it). */
export function statusOf(program: Program, flag: Flag): FlagStatus {
  let statuses = statusesByProgram.get(program);
  if (!statuses) statusesByProgram.set(program, (statuses = new Map<Flag, FlagStatus>()));
  let status = statuses.get(flag);
  if (!status) statuses.set(flag, (status = flagStatus(program.program, flag.name, program.version)));
  return status;
}

/** The flag as the upload writes it (`--name=value`), for the evidence. */
export const asWritten = (flag: Flag): string => `${flag.shorthand ? '-' : '--'}${flag.name}=${flag.value}`;

/** A value that a shell, systemd or the kubelet expands before the program reads it (`$(NODE_NAME)`). */
export const isExpanded = (value: string): boolean => /\$|\{\{/.test(value);

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
