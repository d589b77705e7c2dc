/**
 * The one ClusterModel every rule reads. It hides the form a setting came in (manifest, command line,
 * flags file, config file, /configz dump) so that a rule is right for every way a cluster is set up.
 */
import type { IngestedFile } from '../ingest';
import type { Classified } from '../ingest/classify';
import type { SourceDocument } from '../ingest/source-document';
import type { Network } from '../schemas/common';
import { linkApiServer, type ApiServer } from './apiserver';
import { Budget } from '../ingest/budget';
import type { CommandLine } from '../ingest/command-line';
import type { Certificates } from './certificates';
import { bindCertificates } from './certificates-binding';
import {
  componentFromCommandLine,
  componentFromWorkload,
  kubeletCommandFromWorkload,
  type ControlPlaneComponent,
} from './control-plane';
import { EgressSelector } from './egress-selector';
import type { Kubelet } from './kubelet';
import { kubeconfigFrom, type Kubeconfig } from './kubeconfig';
import { fromDistributionConfigs } from './distribution';
import { fromKindClusters } from './kind';
import { fromK0s } from './k0s';
import { fromKubeadm } from './kubeadm';
import { buildKubelets } from './kubelets';
import { applyKubelite } from './microk8s';
import { commandLinesFromUnits } from './systemd-units';
import { Rbac } from './rbac';
import { fromTalos } from './talos';
import { findReferencedFile } from './referenced-file';
import { KUBELET_FLAGS } from './kubelet-settings';
import { CONTROLLER_MANAGER } from './settings/kube-controller-manager';
import { SCHEDULER } from './settings/kube-scheduler';
import { KONNECTIVITY_SERVER } from './settings/konnectivity';
import { detectVersion, type KubernetesVersion } from './version';

export interface ModelOptions {
  network: Network;
  /** `1.31`, from the request; when absent the version is detected from the upload. */
  kubernetesVersion: string | null;
  /** The time certificates are judged at; the time of the request when absent. */
  asOf?: Date;
  /** A certificate expiring within this many days of `asOf` is reported (default 30). */
  certificateWarningDays?: number;
  /**
   * The request's budget, which the components' command lines and the certificates decoded from
   * kubeconfigs draw on; lint() passes the one its ingest used. A fresh one when absent (a test building a
   * model of its own).
   */
  budget?: Budget;
}

export const DEFAULT_CERTIFICATE_WARNING_DAYS = 30;

export interface ClusterModel {
  network: Network;
  version: KubernetesVersion | null;
  apiServers: ApiServer[];
  controllerManagers: ControlPlaneComponent[];
  schedulers: ControlPlaneComponent[];
  konnectivityServers: ControlPlaneComponent[];
  konnectivityAgents: ControlPlaneComponent[];
  proxies: ControlPlaneComponent[];
  kubelets: Kubelet[];
  kubeconfigs: Kubeconfig[];
  egressSelectors: EgressSelector[];
  authenticationConfigs: SourceDocument[];
  authorizationConfigs: SourceDocument[];
  rbac: Rbac;
  kubernetesService: SourceDocument[];
  /** Every uploaded certificate, bound to what uses it; read and verified by `certificates.verify()`. */
  certificates: Certificates;
  asOf: Date;
  certificateWarningDays: number;
}

export function buildClusterModel(files: readonly IngestedFile[], options: ModelOptions): ClusterModel {
  const budget = options.budget ?? new Budget();
  const objects = files.flatMap((file) => file.objects);
  // Units are merged with their drop-ins and expanded with their EnvironmentFiles; a flags file a kubelet
  // unit read counts through that unit only.
  const units = commandLinesFromUnits(files, budget);
  const commandLines = applyKubelite(
    [
      ...files.flatMap((file) =>
        file.commandLines.filter(
          (c) => !(c.kind === 'KubeletFlagsFile' && units.readByKubeletUnits.has(c.file)),
        ),
      ),
      ...units.commandLines,
    ],
    files,
  );
  const ofType = (type: Classified['type']) => objects.filter((item) => item.type === type);
  const docs = (type: Classified['type']) => ofType(type).map((item) => item.doc);

  const kind = fromKindClusters(ofType('kind-cluster'), ofType('kind-patch'), options.kubernetesVersion);
  const kubeletConfigs = [...ofType('kubelet-config'), ...kind.kubeletConfigs];
  const kubeadm = fromKubeadm([...ofType('kubeadm'), ...kind.kubeadm], kubeletConfigs, budget);
  const distribution = fromDistributionConfigs(ofType('distribution-config'), budget);
  const talos = fromTalos(ofType('talos-config'), budget);
  const k0s = fromK0s(ofType('k0s-config'), budget);
  const components = [
    ...kubeadm.components,
    ...distribution.components,
    ...talos.components,
    ...k0s.components,
    ...objects
      .filter((item) => item.component !== 'kubelet')
      .map((item) => componentFromWorkload(item, budget))
      .filter((c): c is ControlPlaneComponent => c !== undefined),
    ...commandLines
      .filter((c) => c.complete && c.component !== 'kubelet')
      .map((command) => componentFromCommandLine(command, budget)),
  ];
  const byComponent = (name: ControlPlaneComponent['component']) =>
    components.filter((c) => c.component === name);

  const egressSelectors = [...docs('egress-selector'), ...k0s.egressSelectors].map(
    (doc) => new EgressSelector(doc),
  );
  const authorizationConfigs = [...docs('authorization-config'), ...talos.authorizationConfigs];
  const kubeconfigs = objects.map(kubeconfigFrom).filter((k): k is Kubeconfig => k !== undefined);
  const kubelets = buildKubelets(
    [...kubeletConfigs, ...talos.kubeletConfigs, ...k0s.kubeletConfigs],
    [
      ...kubeadm.kubeletFlags,
      ...distribution.kubeletFlags,
      ...talos.kubeletFlags,
      ...k0s.kubeletFlags,
      ...commandLines.filter((c) => c.component === 'kubelet'),
      ...objects
        .map((item) => kubeletCommandFromWorkload(item, budget))
        .filter((c): c is CommandLine => c !== undefined),
    ],
    kubeconfigs,
    {
      certificates: files.flatMap((file) =>
        file.pem && file.pem.certificates.length > 0 ? [{ name: file.name, pem: file.pem }] : [],
      ),
      defaults: new Map([...kubeadm.kubeletDefaults, ...talos.kubeletDefaults, ...k0s.kubeletDefaults]),
      budget,
    },
  );
  const authenticationConfigs = [...docs('authentication-config'), ...talos.authenticationConfigs];
  const apiServers = byComponent('kube-apiserver').map((c) =>
    linkApiServer(c, egressSelectors, authorizationConfigs, authenticationConfigs),
  );
  const controllerManagers = byComponent('kube-controller-manager');
  const schedulers = byComponent('kube-scheduler');
  const konnectivityServers = byComponent('konnectivity-server');

  assignKubeconfigRoles(kubeconfigs, [
    ...kubelets.flatMap((k) => [
      { flag: KUBELET_FLAGS.kubeconfig.written(k)?.value, role: 'kubelet' as const },
      { flag: KUBELET_FLAGS.bootstrapKubeconfig.written(k)?.value, role: 'kubelet-bootstrap' as const },
    ]),
    ...controllerManagers.map((c) => ({
      flag: CONTROLLER_MANAGER.kubeconfig.written(c)?.value,
      role: 'controller-manager' as const,
    })),
    ...schedulers.map((c) => ({ flag: SCHEDULER.kubeconfig.written(c)?.value, role: 'scheduler' as const })),
    ...konnectivityServers.map((c) => ({
      flag: KONNECTIVITY_SERVER.kubeconfig.written(c)?.value,
      role: 'konnectivity-server' as const,
    })),
  ]);

  const konnectivityAgents = byComponent('konnectivity-agent');
  return {
    network: options.network,
    version: detectVersion(options.kubernetesVersion, apiServers),
    apiServers,
    controllerManagers,
    schedulers,
    konnectivityServers,
    konnectivityAgents,
    proxies: byComponent('kube-proxy'),
    kubelets,
    kubeconfigs,
    egressSelectors,
    authenticationConfigs,
    authorizationConfigs,
    rbac: new Rbac(docs('rbac')),
    kubernetesService: docs('kubernetes-service'),
    certificates: bindCertificates({
      files,
      apiServers,
      controllerManagers,
      kubelets,
      kubeconfigs,
      konnectivityServers,
      konnectivityAgents,
      budget,
    }),
    asOf: options.asOf ?? new Date(),
    certificateWarningDays: options.certificateWarningDays ?? DEFAULT_CERTIFICATE_WARNING_DAYS,
  };
}

/** A component's `--kubeconfig` path says whose kubeconfig a file is, whatever its name suggests. */
function assignKubeconfigRoles(
  kubeconfigs: Kubeconfig[],
  references: Array<{ flag: string | undefined; role: Kubeconfig['role'] }>,
) {
  for (const { flag, role } of references) {
    if (!flag) continue;
    const exact = kubeconfigs.filter((k) => k.file === flag || k.file.endsWith(flag));
    const target =
      exact[0] ??
      (exact.length === 0
        ? findReferencedFile(
            flag,
            kubeconfigs.filter((k) => k.role === 'unknown'),
          )
        : undefined);
    if (target) target.role = role;
  }
}
