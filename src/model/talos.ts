/**
 * A Talos machine configuration, read as Talos runs the cluster from it. machined renders the
 * control-plane static pods and the kubelet's command line and config file itself; the user's
 * `extraArgs` and `extraConfig` only change Talos' own flags and settings. Facts from siderolabs/talos
 * at ad882317 (internal/app/machined/pkg/controllers/k8s/): control_plane_final.go (the components'
 * flags and merge policies), control_plane.go (authorizers), kubelet_spec.go (the kubelet),
 * render_config_static_pods.go (the files the API server reads), pkg/argsbuilder (the merge).
 *
 * Both layouts are read: the classic single document (`version: v1alpha1`, `machine`, `cluster`) and
 * the documents Talos 1.15 generates beside it (`KubeAPIServerConfig`, `KubeletConfig`, …). A file is
 * one machine.
 */
import type { Classified } from '../ingest/classify';
import type { ArgWord, CommandLine } from '../ingest/command-line';
import type { Component } from '../ingest/components';
import { versionOfImage } from '../ingest/components';
import type { SourceDocument } from '../ingest/source-document';
import type { Budget } from '../ingest/budget';
import { isPlainObject, scalarText } from '../ingest/yaml';
import type { Location } from '../schemas/common';
import type { ControlPlaneComponent } from './control-plane';
import { parseFlags } from './flags';
import type { KubeletDefaults } from './kubelet';
import { nodeKeyOf } from './referenced-file';
import { compareMinor } from './version';
import { mapArgs, renderArgs, type MergePolicy, type UserArg } from './rendered-args';
import { groupBy } from './group-by';

const SECRETS = '/system/secrets/kubernetes';
const CONFIG = '/system/config/kubernetes';
const SOURCE = 'siderolabs/talos internal/app/machined/pkg/controllers/k8s';

/** A part of the machine configuration: where it is, and where its image, extraArgs and config are. */
interface Part {
  doc: SourceDocument;
  pointer: string;
  /** The kubelet's KubeletConfiguration fields: `extraConfig` (classic) or `config` (KubeletConfig). */
  configKey?: string;
}

interface Machine {
  file: string;
  type: string;
  hostname: string | undefined;
  apiServer?: Part;
  controllerManager?: Part;
  scheduler?: Part;
  kubelet?: Part;
  /** `machine.controlPlane.<component>.disabled` */
  disabled: Set<string>;
  localPort?: { value: string; location: Location };
  /** The control plane endpoint, which Talos makes the service-account issuer (v1alpha1_k8s_bridge.go IssuerURL). */
  issuer: string | undefined;
  /** Classic `cluster.apiServer.authorizationConfig` or KubeAuthorizerConfig documents, in order. */
  authorizers: Array<Record<string, unknown>>;
  /** Talos 1.15 `KubeAuthenticationConfig`: the API server reads an AuthenticationConfiguration. */
  authentication?: SourceDocument;
}

export interface TalosResult {
  components: ControlPlaneComponent[];
  kubeletFlags: CommandLine[];
  kubeletConfigs: Classified[];
  kubeletDefaults: Map<Classified, KubeletDefaults>;
  /** The files Talos writes for the API server: authorization-config.yaml, authentication-config.yaml. */
  authorizationConfigs: SourceDocument[];
  authenticationConfigs: SourceDocument[];
}

const API_SERVER_POLICIES: Record<string, MergePolicy> = {
  'enable-admission-plugins': 'additive',
  'feature-gates': 'additive',
  'authorization-mode': 'additive',
  ...denied(
    'etcd-servers client-ca-file requestheader-client-ca-file proxy-client-cert-file proxy-client-key-file encryption-provider-config etcd-cafile etcd-certfile etcd-keyfile kubelet-client-certificate kubelet-client-key service-account-key-file service-account-signing-key-file tls-cert-file tls-min-version tls-private-key-file authorization-config',
  ),
};
const CONTROLLER_MANAGER_POLICIES: Record<string, MergePolicy> = {
  'service-cluster-ip-range': 'additive',
  controllers: 'additive',
  ...denied(
    'cluster-signing-cert-file cluster-signing-key-file authentication-kubeconfig authorization-kubeconfig root-ca-file service-account-private-key-file',
  ),
};
const SCHEDULER_POLICIES = denied('kubeconfig authentication-kubeconfig authorization-kubeconfig config');
const KUBELET_POLICIES = denied(
  'bootstrap-kubeconfig kubeconfig container-runtime container-runtime-endpoint config cert-dir',
);

function denied(names: string): Record<string, MergePolicy> {
  return Object.fromEntries(names.split(' ').map((name) => [name, 'denied' as const]));
}

export function fromTalos(items: readonly Classified[], budget: Budget): TalosResult {
  const result: TalosResult = {
    components: [],
    kubeletFlags: [],
    kubeletConfigs: [],
    kubeletDefaults: new Map(),
    authorizationConfigs: [],
    authenticationConfigs: [],
  };
  for (const [file, docs] of groupBy(items, (item) => item.doc.file)) {
    const machine = machineOf(file, docs);
    const name = `Talos ${machine.type === 'unknown' ? 'machine' : machine.type} ${machine.hostname ?? file.split('/').pop() ?? file}`;
    // Only a control plane's configuration has a KubeAPIServerConfig: a file of Talos 1.15's documents
    // without the machine document is one.
    const controlPlane =
      machine.type === 'controlplane' ||
      machine.type === 'init' ||
      (machine.type === 'unknown' && machine.apiServer !== undefined);
    if (controlPlane && machine.apiServer) apiServer(result, machine, budget, machine.apiServer);
    if (controlPlane && machine.controllerManager && !machine.disabled.has('controllerManager'))
      push(
        result,
        machine,
        budget,
        'kube-controller-manager',
        machine.controllerManager,
        controllerManagerDefaults(),
      );
    if (controlPlane && machine.scheduler && !machine.disabled.has('scheduler'))
      push(result, machine, budget, 'kube-scheduler', machine.scheduler, schedulerDefaults());
    if (machine.kubelet) kubelet(result, machine, machine.kubelet, name);
  }
  return result;
}

function machineOf(file: string, docs: readonly Classified[]): Machine {
  const machine: Machine = {
    file,
    type: 'unknown',
    hostname: undefined,
    disabled: new Set(),
    authorizers: [],
    issuer: undefined,
  };
  for (const { doc, kind } of docs) {
    if (kind === 'TalosMachineConfig') {
      machine.type = scalarText(doc.get('/machine/type')) ?? 'unknown';
      machine.hostname = scalarText(doc.get('/machine/network/hostname'));
      machine.issuer ??= scalarText(doc.get('/cluster/controlPlane/endpoint'));
      const part = (pointer: string, configKey?: string): Part | undefined =>
        isPlainObject(doc.get(pointer)) || doc.get(pointer) === undefined
          ? { doc, pointer, ...(configKey ? { configKey } : {}) }
          : undefined;
      // Talos 1.15's documents, wherever they are in the file, replace the sections they name.
      machine.apiServer ??= part('/cluster/apiServer');
      machine.controllerManager ??= part('/cluster/controllerManager');
      machine.scheduler ??= part('/cluster/scheduler');
      machine.kubelet ??= part('/machine/kubelet', 'extraConfig');
      for (const key of ['controllerManager', 'scheduler'])
        if (doc.get(`/machine/controlPlane/${key}/disabled`) === true) machine.disabled.add(key);
      const port = doc.get('/cluster/controlPlane/localAPIServerPort');
      if (scalarText(port))
        machine.localPort = {
          value: String(port),
          location: doc.at('/cluster/controlPlane/localAPIServerPort'),
        };
      const authorizers = doc.get('/cluster/apiServer/authorizationConfig');
      if (Array.isArray(authorizers))
        for (const value of authorizers) if (isPlainObject(value)) machine.authorizers.push(value);
      continue;
    }
    if (kind === 'KubeAPIServerConfig') {
      machine.apiServer = { doc, pointer: '' };
      const port = doc.get('/apiPort');
      if (scalarText(port)) machine.localPort = { value: String(port), location: doc.at('/apiPort') };
    }
    if (kind === 'KubeClusterConfig') machine.issuer ??= scalarText(doc.get('/endpoint'));
    if (kind === 'KubeServiceAccountConfig')
      machine.issuer = scalarText(doc.get('/issuer/issuerURL')) ?? machine.issuer;
    if (kind === 'KubeControllerManagerConfig') machine.controllerManager = { doc, pointer: '' };
    if (kind === 'KubeSchedulerConfig') machine.scheduler = { doc, pointer: '' };
    if (kind === 'KubeletConfig') machine.kubelet = { doc, pointer: '', configKey: 'config' };
    if (kind === 'KubeAuthorizerConfig') machine.authorizers.push(doc.value);
    if (kind === 'KubeAuthenticationConfig' && isPlainObject(doc.get('/configuration')))
      machine.authentication = doc;
  }
  return machine;
}

function imageOf(part: Part): string | undefined {
  return scalarText(part.doc.get(`${part.pointer}/image`));
}

function insertAtOf(part: Part): Location {
  return part.doc.placeFor([`${part.pointer}/extraArgs`, part.pointer]);
}

function apiServer(result: TalosResult, machine: Machine, budget: Budget, part: Part): void {
  const image = imageOf(part);
  const minor = image ? versionOfImage(image) : undefined;
  const user = mapArgs(part.doc, `${part.pointer}/extraArgs`);
  const defaults: Array<[string, string]> = [
    ['admission-control-config-file', `${CONFIG}/kube-apiserver/admission-control-config.yaml`],
    ['allow-privileged', 'true'],
    ['bind-address', '0.0.0.0'],
    ['client-ca-file', `${SECRETS}/kube-apiserver/ca.crt`],
    ['enable-admission-plugins', 'NodeRestriction'],
    ['enable-bootstrap-token-auth', 'true'],
    ['kubelet-client-certificate', `${SECRETS}/kube-apiserver/apiserver-kubelet-client.crt`],
    ['kubelet-client-key', `${SECRETS}/kube-apiserver/apiserver-kubelet-client.key`],
    ['kubelet-preferred-address-types', 'InternalIP,ExternalIP,Hostname'],
    ['profiling', 'false'],
    ['requestheader-client-ca-file', `${SECRETS}/kube-apiserver/aggregator-ca.crt`],
    ['secure-port', machine.localPort?.value ?? '6443'],
    // Talos always sets it; a file without the endpoint does not say to what.
    ['service-account-issuer', machine.issuer ?? '<the control plane endpoint>'],
    ['service-account-key-file', `${SECRETS}/kube-apiserver/service-account.pub`],
    ['service-account-signing-key-file', `${SECRETS}/kube-apiserver/service-account.key`],
    ['tls-cert-file', `${SECRETS}/kube-apiserver/apiserver.crt`],
    ['tls-min-version', 'VersionTLS13'],
    ['tls-private-key-file', `${SECRETS}/kube-apiserver/apiserver.key`],
  ];
  if (machine.authentication) {
    const path = `${CONFIG}/kube-apiserver/authentication-config.yaml`;
    defaults.push(['authentication-config', path]);
    const configuration = machine.authentication.get('/configuration') as Record<string, unknown>;
    result.authenticationConfigs.push(
      machine.authentication
        .child('/configuration', {
          apiVersion: 'apiserver.config.k8s.io/v1beta1',
          kind: 'AuthenticationConfiguration',
          ...configuration,
        })
        .writtenTo(path),
    );
  } else {
    defaults.push(['anonymous-auth', 'false']);
  }
  // handleKubeAPIServerAuthorizationFlags: the user's --authorization-mode or webhook flags keep the
  // flag (Node,RBAC joined with theirs); otherwise Talos writes an AuthorizationConfiguration.
  const userAuthorization = user.some(
    (arg) => arg.name === 'authorization-mode' || arg.name.startsWith('authorization-webhook-'),
  );
  if (userAuthorization) defaults.push(['authorization-mode', 'Node,RBAC']);
  else {
    const path = `${CONFIG}/kube-apiserver/authorization-config.yaml`;
    defaults.push(['authorization-config', path]);
    result.authorizationConfigs.push(authorizationConfig(machine, part, path, minor));
  }
  push(result, machine, budget, 'kube-apiserver', part, defaults, API_SERVER_POLICIES, user);
}

/** The AuthorizationConfiguration Talos writes (render_config_static_pods.go authorizationConfig). */
function authorizationConfig(
  machine: Machine,
  part: Part,
  path: string,
  minor: string | undefined,
): SourceDocument {
  const authorizers = machine.authorizers.map((value) => ({
    type: scalarText(value.type) ?? '',
    name: scalarText(value.name) ?? '',
    ...(isPlainObject(value.webhook) ? { webhook: value.webhook } : {}),
  }));
  // A classic config's authorizers get Node and RBAC first (control_plane.go, InjectDefaultAuthorizers);
  // Talos 1.15's KubeAuthorizerConfig documents are the whole list.
  if (part.pointer !== '') {
    if (!authorizers.some((a) => a.type === 'Node')) authorizers.splice(0, 0, { type: 'Node', name: 'node' });
    if (!authorizers.some((a) => a.type === 'RBAC')) authorizers.splice(1, 0, { type: 'RBAC', name: 'rbac' });
  }
  // KubeAPIServerAuthorizationConfigAPIVersion: v1 from 1.32, v1beta1 before (the kinds' graduation).
  const at = minor ?? '1.32';
  const apiVersion = `apiserver.config.k8s.io/${compareMinor(at, '1.32') >= 0 ? 'v1' : compareMinor(at, '1.30') >= 0 ? 'v1beta1' : 'v1alpha1'}`;
  return part.doc.derive({ apiVersion, kind: 'AuthorizationConfiguration', authorizers }).writtenTo(path);
}

function controllerManagerDefaults(): Array<[string, string]> {
  const dir = `${SECRETS}/kube-controller-manager`;
  return [
    ['allocate-node-cidrs', 'true'],
    ['authentication-kubeconfig', `${dir}/kubeconfig`],
    ['authorization-kubeconfig', `${dir}/kubeconfig`],
    ['bind-address', '127.0.0.1'],
    ['cluster-signing-cert-file', `${dir}/ca.crt`],
    ['cluster-signing-key-file', `${dir}/ca.key`],
    ['configure-cloud-routes', 'false'],
    ['controllers', '*'],
    ['kubeconfig', `${dir}/kubeconfig`],
    ['leader-elect', 'true'],
    ['profiling', 'false'],
    ['root-ca-file', `${dir}/ca.crt`],
    ['service-account-private-key-file', `${dir}/service-account.key`],
    ['terminated-pod-gc-threshold', '100'],
    ['tls-min-version', 'VersionTLS13'],
    ['use-service-account-credentials', 'true'],
  ];
}

function schedulerDefaults(): Array<[string, string]> {
  const dir = `${SECRETS}/kube-scheduler`;
  return [
    ['authentication-kubeconfig', `${dir}/kubeconfig`],
    ['authentication-tolerate-lookup-failure', 'false'],
    ['authorization-kubeconfig', `${dir}/kubeconfig`],
    ['bind-address', '127.0.0.1'],
    ['config', `${CONFIG}/kube-scheduler/scheduler-config.yaml`],
    ['leader-elect', 'true'],
    ['profiling', 'false'],
    ['tls-min-version', 'VersionTLS13'],
  ];
}

const POLICIES: Partial<Record<Component, Record<string, MergePolicy>>> = {
  'kube-apiserver': API_SERVER_POLICIES,
  'kube-controller-manager': CONTROLLER_MANAGER_POLICIES,
  'kube-scheduler': SCHEDULER_POLICIES,
};

function push(
  result: TalosResult,
  machine: Machine,
  budget: Budget,
  component: Component,
  part: Part,
  defaults: ReadonlyArray<readonly [string, string]>,
  policies: Record<string, MergePolicy> = POLICIES[component] ?? {},
  user: UserArg[] = mapArgs(part.doc, `${part.pointer}/extraArgs`),
): void {
  const insertAt = insertAtOf(part);
  const rendered = renderArgs(defaults, user, insertAt, policies);
  const refusal = refused(machine, component, rendered.denied);
  const image = imageOf(part);
  const minor = image ? versionOfImage(image) : undefined;
  result.components.push({
    component,
    file: machine.file,
    flags: parseFlags(rendered.words, insertAt, budget),
    ...(image ? { image } : {}),
    ...(minor ? { imageVersion: minor } : {}),
    nodeKey: nodeKeyOf(machine.file),
    name: `${component} (from Talos machine configuration ${machine.file})`,
    ...(refusal ? { hidden: refusal } : {}),
  });
}

/**
 * Talos' argsbuilder refuses a denied flag: the controller fails and the component keeps whatever it ran
 * before, which this file does not show.
 */
function refused(machine: Machine, component: string, args: readonly UserArg[]): string | undefined {
  if (args.length === 0) return undefined;
  return `Talos refuses extraArgs ${args.map((a) => a.name).join(', ')} for ${component} in ${machine.file} (it sets them itself), so ${component} does not run from this configuration: remove them, and upload the running configuration (talosctl get machineconfig -o yaml)`;
}

function kubelet(result: TalosResult, machine: Machine, part: Part, node: string): void {
  const insertAt = insertAtOf(part);
  const defaults: Array<[string, string]> = [
    ['cert-dir', '/var/lib/kubelet/pki'],
    ['config', '/etc/kubernetes/kubelet.yaml'],
  ];
  const skipRegistration = part.doc.get(`${part.pointer}/skipNodeRegistration`) === true;
  if (!skipRegistration)
    defaults.push(
      ['bootstrap-kubeconfig', '/etc/kubernetes/bootstrap-kubeconfig'],
      ['kubeconfig', '/etc/kubernetes/kubeconfig-kubelet'],
    );
  if (machine.hostname) defaults.push(['hostname-override', machine.hostname]);
  const rendered = renderArgs(
    defaults,
    mapArgs(part.doc, `${part.pointer}/extraArgs`),
    insertAt,
    KUBELET_POLICIES,
  );
  const refusal = refused(machine, 'the kubelet', rendered.denied);
  const configPointer = `${part.pointer}/${part.configKey ?? 'extraConfig'}`;
  const written = part.doc.get(configPointer);
  const configDoc = isPlainObject(written)
    ? part.doc.child(configPointer, written)
    : part.doc.child(part.pointer, {}).derive({});
  const config: Classified = {
    doc: configDoc.writtenTo('/etc/kubernetes/kubelet.yaml'),
    type: 'kubelet-config',
    kind: 'KubeletConfiguration',
    component: 'kubelet',
    role: null,
    note: null,
    group: { id: machine.file, node },
  };
  result.kubeletConfigs.push(config);
  result.kubeletDefaults.set(config, kubeletDefaults(skipRegistration));
  const args: ArgWord[] = rendered.words;
  result.kubeletFlags.push({
    file: machine.file,
    kind: 'DistributionConfig',
    component: 'kubelet',
    args,
    complete: true,
    insertAt,
    line: insertAt.line,
    writes: config,
    node,
    ...(refusal ? { hidden: refusal } : {}),
  });
}

/**
 * NewKubeletConfiguration (kubelet_spec.go): authentication, authorization, port and certificate
 * rotation are Talos' whatever `extraConfig` says (it rejects those fields), the rest fill gaps.
 */
function kubeletDefaults(skipRegistration: boolean): KubeletDefaults {
  return {
    writer: 'Talos',
    values: { address: '0.0.0.0', streamingConnectionIdleTimeout: '5m0s', tlsMinVersion: 'VersionTLS13' },
    forced: {
      clientCAFile: '/etc/kubernetes/pki/ca.crt',
      anonymousAuth: false,
      // SkipNodeRegistration turns the webhook off and authorizes everything.
      webhookAuthentication: !skipRegistration,
      authorizationMode: skipRegistration ? 'AlwaysAllow' : 'Webhook',
      port: 10250,
      rotateCertificates: true,
    },
    source: `${SOURCE}/kubelet_spec.go NewKubeletConfiguration`,
  };
}
