/**
 * Ties each uploaded certificate file or kubeconfig `*-data` field to the role that uses it, through the
 * flag or field that names its path: the API server's serving certificate is the file `--tls-cert-file`
 * names, the kubelet's is `tlsCertFile` or the file the kubelet keeps in its `--cert-dir`, and so on.
 * A path inside a static pod is read through its hostPath volume (kubeadm mounts /etc/kubernetes/pki at
 * the same path); files are matched by their path on the node, so `worker-1/var/lib/kubelet/pki/…` is
 * worker-1's.
 */
import type { IngestedFile } from '../ingest';
import type { Budget } from '../ingest/budget';
import { decodeBase64, readPem, type PemCertificate } from '../ingest/pem';
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject } from '../ingest/yaml';
import type { Location, PathId } from '../schemas/common';
import type { ApiServer } from './apiserver';
import {
  Certificates,
  type CertificateBundle,
  type StoredCertificate,
  type UploadedPrivateKey,
} from './certificates';
import type { ControlPlaneComponent } from './control-plane';
import type { Kubeconfig } from './kubeconfig';
import { certDirOf, type Kubelet } from './kubelet';
import { hostPathOf, podOf } from './konnectivity';
import { nodeKeyOf } from './referenced-file';
import { APISERVER } from './settings/kube-apiserver';
import { CONTROLLER_MANAGER } from './settings/kube-controller-manager';
import { KONNECTIVITY_AGENT, KONNECTIVITY_SERVER } from './settings/konnectivity';
import type { Setting } from './settings/setting';

/** What a certificate is used for, by whom, and the path it serves. */
export const CERTIFICATE_ROLES = {
  'apiserver-serving': { use: 'serving', path: 'node-to-control-plane' },
  'apiserver-client-ca': { use: 'ca', path: 'node-to-control-plane' },
  'controller-manager-root-ca': { use: 'ca', path: 'node-to-control-plane' },
  'kubeconfig-ca': { use: 'ca', path: 'node-to-control-plane' },
  'kubeconfig-client': { use: 'client', path: 'node-to-control-plane' },
  'apiserver-kubelet-ca': { use: 'ca', path: 'apiserver-to-kubelet' },
  'apiserver-kubelet-client': { use: 'client', path: 'apiserver-to-kubelet' },
  'kubelet-serving': { use: 'serving', path: 'apiserver-to-kubelet' },
  'kubelet-client-ca': { use: 'ca', path: 'apiserver-to-kubelet' },
  'konnectivity-server-frontend': { use: 'serving', path: 'konnectivity' },
  'konnectivity-server-frontend-ca': { use: 'ca', path: 'konnectivity' },
  'konnectivity-server-cluster': { use: 'serving', path: 'konnectivity' },
  'konnectivity-server-cluster-ca': { use: 'ca', path: 'konnectivity' },
  'konnectivity-agent-ca': { use: 'ca', path: 'konnectivity' },
  'konnectivity-agent-client': { use: 'client', path: 'konnectivity' },
} as const satisfies Record<string, { use: 'serving' | 'client' | 'ca'; path: PathId }>;

export type CertificateRole = keyof typeof CERTIFICATE_ROLES;

/** Who holds the certificate: the component whose flag, or the kubeconfig whose field, names it. */
export type CertificateOwner =
  | { kind: 'apiserver'; server: ApiServer }
  | { kind: 'kubelet'; kubelet: Kubelet }
  | { kind: 'kubeconfig'; kubeconfig: Kubeconfig }
  | { kind: 'component'; component: ControlPlaneComponent };

export interface CertificateBinding {
  role: CertificateRole;
  use: 'serving' | 'client' | 'ca';
  path: PathId;
  owner: CertificateOwner;
  /** "kube-apiserver (/etc/kubernetes/manifests/kube-apiserver.yaml)" */
  ownerName: string;
  /** The setting as found: `--tls-cert-file=/etc/kubernetes/pki/apiserver.crt`, `certificate-authority-data`. */
  setting: string;
  /** Where the setting is (for the kubelet's own certificate, where `tlsCertFile` would go). */
  location: Location;
  /** The certificates, when they were uploaded. */
  bundle: CertificateBundle | undefined;
  /** Why there are none: the file that was not uploaded, or what the path is. */
  missing: string | undefined;
}

/**
 * The TLS checks of one kind on a path: every certificate presented (a leaf) against every CA bundle
 * that must vouch for it (an anchor). The pairs are not built: an upload of thousands of API server
 * pods and kubeconfigs names millions of them, and a rule looks only at the leaves it can read.
 */
export interface TrustCheck {
  kind: TrustKind;
  path: PathId;
  leaves: readonly CertificateBinding[];
  anchors: readonly CertificateBinding[];
}

export type TrustKind =
  'apiserver-serving' | 'client' | 'kubelet-serving' | 'apiserver-kubelet-client' | 'konnectivity-cluster';

export interface CertificateInputs {
  files: readonly IngestedFile[];
  apiServers: readonly ApiServer[];
  controllerManagers: readonly ControlPlaneComponent[];
  kubelets: readonly Kubelet[];
  kubeconfigs: readonly Kubeconfig[];
  konnectivityServers: readonly ControlPlaneComponent[];
  konnectivityAgents: readonly ControlPlaneComponent[];
  /** The request's budget: the certificates inside kubeconfigs are decoded here and draw on it. */
  budget: Budget;
}

/** Where the service-account admission plugin mounts the pod's token, namespace and CA. */
const SERVICE_ACCOUNT_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

export function bindCertificates(inputs: CertificateInputs): Certificates {
  const bundles = inputs.files.flatMap(pemBundle);
  const privateKeys: UploadedPrivateKey[] = inputs.files.flatMap((file) =>
    (file.pem?.privateKeys ?? []).map((key) => ({
      file: file.name,
      label: key.label,
      location: {
        file: file.name,
        line: key.line,
        column: key.column,
        pointer: '',
        document: 0,
        default: false,
      },
    })),
  );
  const store = new Certificates(bundles, privateKeys);
  const bind = new Binder(store, bundles, inputs.budget);

  for (const server of inputs.apiServers) {
    const owner = { kind: 'apiserver', server } as const;
    bind.flag(server, owner, APISERVER.secureServing.tlsCertFile, 'apiserver-serving');
    bind.flag(server, owner, APISERVER.authentication.clientCAFile, 'apiserver-client-ca');
    bind.flag(server, owner, APISERVER.kubeletClient.certificateAuthority, 'apiserver-kubelet-ca');
    bind.flag(server, owner, APISERVER.kubeletClient.clientCertificate, 'apiserver-kubelet-client');
  }
  for (const component of inputs.controllerManagers)
    bind.flag(
      component,
      { kind: 'component', component },
      CONTROLLER_MANAGER.rootCAFile,
      'controller-manager-root-ca',
    );
  for (const kubelet of inputs.kubelets) bind.kubelet(kubelet);
  for (const kubeconfig of inputs.kubeconfigs) bind.kubeconfig(kubeconfig);
  for (const component of inputs.konnectivityServers) {
    const owner = { kind: 'component', component } as const;
    bind.flag(component, owner, KONNECTIVITY_SERVER.serverCert, 'konnectivity-server-frontend');
    bind.flag(component, owner, KONNECTIVITY_SERVER.serverCaCert, 'konnectivity-server-frontend-ca');
    bind.flag(component, owner, KONNECTIVITY_SERVER.clusterCert, 'konnectivity-server-cluster');
    bind.flag(component, owner, KONNECTIVITY_SERVER.clusterCaCert, 'konnectivity-server-cluster-ca');
  }
  for (const component of inputs.konnectivityAgents) {
    const owner = { kind: 'component', component } as const;
    bind.flag(component, owner, KONNECTIVITY_AGENT.caCert, 'konnectivity-agent-ca');
    bind.flag(component, owner, KONNECTIVITY_AGENT.agentCert, 'konnectivity-agent-client');
  }
  store.checks.push(...trustChecks(store.bindings));
  return store;
}

/** What each TLS handshake of the five paths checks: who presents, and what the other side trusts. */
function trustChecks(bindings: readonly CertificateBinding[]): TrustCheck[] {
  const of = (...roles: CertificateRole[]) => bindings.filter((b) => roles.includes(b.role));
  const check = (kind: TrustKind, leaf: CertificateRole, anchors: CertificateRole[]): TrustCheck => ({
    kind,
    path: CERTIFICATE_ROLES[leaf].path,
    leaves: of(leaf),
    anchors: of(...anchors),
  });
  return [
    // Nodes, pods and components verify the API server with their kubeconfig's CA or the root CA pods get.
    check('apiserver-serving', 'apiserver-serving', ['kubeconfig-ca', 'controller-manager-root-ca']),
    check('client', 'kubeconfig-client', ['apiserver-client-ca']),
    check('kubelet-serving', 'kubelet-serving', ['apiserver-kubelet-ca']),
    check('apiserver-kubelet-client', 'apiserver-kubelet-client', ['kubelet-client-ca']),
    check('konnectivity-cluster', 'konnectivity-server-cluster', ['konnectivity-agent-ca']),
  ];
}

class Binder {
  constructor(
    private readonly store: Certificates,
    private readonly files: readonly CertificateBundle[],
    private readonly budget: Budget,
  ) {}

  /** A component's setting that names a certificate file, read through its pod's hostPath volumes. */
  flag(
    component: ControlPlaneComponent,
    owner: CertificateOwner,
    file: Setting<string>,
    role: CertificateRole,
  ): void {
    const flag = file.written(component);
    if (!flag?.value) return;
    const setting = `--${file.flag}=${flag.value}`;
    if (
      role === 'konnectivity-agent-ca' &&
      flag.value === SERVICE_ACCOUNT_CA &&
      !this.onHost(component, flag.value)
    ) {
      this.serviceAccountCa(component, owner, setting, flag.location);
      return;
    }
    this.named(
      owner,
      component.name,
      role,
      setting,
      flag.location,
      this.hostPath(component, flag.value),
      component.nodeKey,
    );
  }

  /** The kubelet's serving certificate and client CA (its kubeconfig's certificates are the kubeconfig's). */
  kubelet(kubelet: Kubelet): void {
    const owner = { kind: 'kubelet', kubelet } as const;
    const nodeKey = nodeKeyOf(kubelet.files[0] ?? '');
    const clientCA = kubelet.setting('clientCAFile');
    if (clientCA?.value) {
      this.named(
        owner,
        kubelet.name,
        'kubelet-client-ca',
        clientCA.describe,
        clientCA.location,
        clientCA.value,
        nodeKey,
      );
    }
    const serving = servingCertificatePath(kubelet);
    if (serving)
      this.named(
        owner,
        kubelet.name,
        'kubelet-serving',
        serving.describe,
        serving.location,
        serving.path,
        nodeKey,
      );
  }

  /** The CA of the cluster the current context uses, and its user's client certificate. */
  kubeconfig(kubeconfig: Kubeconfig): void {
    const owner = { kind: 'kubeconfig', kubeconfig } as const;
    const doc = kubeconfig.doc;
    const cluster = currentEntry(doc, 'clusters', 'cluster');
    const user = currentEntry(doc, 'users', 'user');
    const nodeKey = nodeKeyOf(kubeconfig.file);
    const field = (
      entry: { pointer: string; value: Record<string, unknown> },
      name: string,
      dataName: string,
      role: CertificateRole,
    ) => {
      const data = entry.value[dataName];
      const path = entry.value[name];
      // client-go: the *-data field wins over the file (both set is a validation warning).
      if (typeof data === 'string' && data !== '') {
        this.data(owner, kubeconfig, role, `${entry.pointer}/${dataName}`, dataName, data);
      } else if (typeof path === 'string' && path !== '') {
        this.named(
          owner,
          kubeconfig.name,
          role,
          `${name}: ${path}`,
          doc.at(`${entry.pointer}/${name}`),
          resolveFrom(kubeconfig.file, path),
          nodeKey,
        );
      }
    };
    if (cluster) field(cluster, 'certificate-authority', 'certificate-authority-data', 'kubeconfig-ca');
    if (user) {
      field(user, 'client-certificate', 'client-certificate-data', 'kubeconfig-client');
      if (typeof user.value['client-key-data'] === 'string' && user.value['client-key-data'] !== '') {
        this.store.privateKeys.push({
          file: kubeconfig.file,
          label: 'client-key-data',
          location: doc.at(`${user.pointer}/client-key-data`),
        });
      }
    }
  }

  private named(
    owner: CertificateOwner,
    ownerName: string,
    role: CertificateRole,
    setting: string,
    location: Location,
    path: string,
    nodeKey: string,
  ): void {
    const bundle = findBundle(path, nodeKey, this.files);
    this.push(
      owner,
      ownerName,
      role,
      setting,
      location,
      bundle,
      bundle ? undefined : `${path} was not uploaded`,
    );
  }

  /** A kubeconfig's `*-data`: base64 of PEM text, read as a bundle of its own at the field's place. */
  private data(
    owner: CertificateOwner,
    kubeconfig: Kubeconfig,
    role: CertificateRole,
    pointer: string,
    name: string,
    value: string,
  ): void {
    const location = kubeconfig.doc.at(pointer);
    const bytes = decodeBase64(value);
    // The decoded PEM text is made from the upload: it and its certificates draw on the request's budget.
    if (bytes) this.budget.spendBytes(bytes.length);
    const pem = bytes ? readPem(new TextDecoder().decode(bytes), this.budget) : undefined;
    if (pem && pem.privateKeys.length > 0)
      this.store.privateKeys.push({
        file: kubeconfig.file,
        label: `${name} (a private key in it)`,
        location,
      });
    const blocks: PemCertificate[] = pem?.certificates ?? [];
    const certificates: StoredCertificate[] =
      blocks.length > 0
        ? blocks.map((block) => ({
            location,
            index: block.index,
            count: blocks.length,
            der: block.der,
            problem: block.problem,
          }))
        : [
            {
              location,
              index: 0,
              count: 1,
              der: null,
              problem: bytes ? 'no PEM CERTIFICATE block in it' : 'not base64',
            },
          ];
    const bundle: CertificateBundle = {
      name: `${kubeconfig.file} ${name}`,
      file: kubeconfig.file,
      certificates,
    };
    this.store.bundles.push(bundle);
    this.push(owner, kubeconfig.name, role, name, location, bundle, undefined);
  }

  /**
   * A pod's service-account ca.crt is the kube-root-ca.crt ConfigMap, which kube-controller-manager
   * publishes from --root-ca-file, else from its own kubeconfig's CA (cmd/kube-controller-manager/app/
   * certificates.go, startRootCACertPublisher).
   */
  private serviceAccountCa(
    component: ControlPlaneComponent,
    owner: CertificateOwner,
    setting: string,
    location: Location,
  ): void {
    const root =
      this.store.bindings.find((b) => b.role === 'controller-manager-root-ca' && b.bundle) ??
      this.store.bindings.find(
        (b) =>
          b.role === 'kubeconfig-ca' &&
          b.bundle &&
          b.owner.kind === 'kubeconfig' &&
          b.owner.kubeconfig.role === 'controller-manager',
      );
    this.push(
      owner,
      component.name,
      'konnectivity-agent-ca',
      `${setting} (the service account's CA: kube-controller-manager's ${root?.role === 'kubeconfig-ca' ? 'kubeconfig CA' : '--root-ca-file'})`,
      location,
      root?.bundle,
      root
        ? undefined
        : "the service account's ca.crt, which kube-controller-manager publishes from --root-ca-file: upload kube-controller-manager's manifest and that file",
    );
  }

  private push(
    owner: CertificateOwner,
    ownerName: string,
    role: CertificateRole,
    setting: string,
    location: Location,
    bundle: CertificateBundle | undefined,
    missing: string | undefined,
  ): void {
    const { use, path } = CERTIFICATE_ROLES[role];
    this.store.bindings.push({ role, use, path, owner, ownerName, setting, location, bundle, missing });
  }

  private onHost(component: ControlPlaneComponent, path: string): boolean {
    const pod = podOf(component);
    return !pod || hostPathOf(pod, path) !== undefined;
  }

  private hostPath(component: ControlPlaneComponent, path: string): string {
    const pod = podOf(component);
    return (pod && hostPathOf(pod, path)) ?? path;
  }
}

/**
 * The file the kubelet serves: `tlsCertFile`; with serverTLSBootstrap, the certificate it rotates in
 * `<cert-dir>/kubelet-server-current.pem`; otherwise `<cert-dir>/kubelet.crt`, which it generates
 * (self-signed) unless one is already there (cmd/kubelet/app/server.go InitializeTLS).
 */
function servingCertificatePath(
  kubelet: Kubelet,
): { path: string; describe: string; location: Location } | undefined {
  const certFile = kubelet.setting('tlsCertFile');
  const bootstrap = kubelet.setting('serverTLSBootstrap');
  if (!certFile || !bootstrap) return undefined;
  if (certFile.value)
    return { path: certFile.value, describe: certFile.describe, location: certFile.location };
  const certDir = certDirOf(kubelet);
  if (bootstrap.value) {
    return {
      path: `${certDir}/kubelet-server-current.pem`,
      describe: `${bootstrap.describe}, so ${certDir}/kubelet-server-current.pem`,
      location: bootstrap.location,
    };
  }
  return {
    path: `${certDir}/kubelet.crt`,
    describe: `neither tlsCertFile nor serverTLSBootstrap, so ${certDir}/kubelet.crt`,
    location: certFile.location,
  };
}

/** A PEM file as a bundle; undefined for a file that holds no certificate. */
function pemBundle(file: IngestedFile): CertificateBundle[] {
  const blocks = file.pem?.certificates ?? [];
  if (blocks.length === 0) return [];
  return [
    {
      name: file.name,
      file: file.name,
      certificates: blocks.map((block) => ({
        location: {
          file: file.name,
          line: block.line,
          column: block.column,
          pointer: '',
          document: block.index,
          default: false,
        },
        index: block.index,
        count: blocks.length,
        der: block.der,
        problem: block.problem,
      })),
    },
  ];
}

/**
 * The uploaded file at a node path: the exact path or one ending in it (`worker-1/etc/…`), the node's
 * own first; an upload named without directories (`apiserver.crt`) by its name when only one is.
 */
export function findBundle(
  path: string,
  nodeKey: string,
  bundles: readonly CertificateBundle[],
): CertificateBundle | undefined {
  // Most uploads name certificates without including any: nothing to match, for each of their flags.
  if (bundles.length === 0) return undefined;
  const wanted = path.replace(/^\/+/, '');
  const trimmed = (name: string) => name.replace(/^\/+/, '');
  const matching = bundles.filter(
    (b) => trimmed(b.file) === wanted || trimmed(b.file).endsWith(`/${wanted}`),
  );
  const local = matching.find((b) => nodeKeyOf(b.file) === nodeKey);
  if (local) return local;
  if (matching.length === 1) return matching[0];
  if (matching.length > 1) return undefined;
  const base = wanted.split('/').pop();
  const flat = bundles.filter((b) => !trimmed(b.file).includes('/') && trimmed(b.file) === base);
  return flat.length === 1 ? flat[0] : undefined;
}

/** client-go resolves a kubeconfig's relative paths against the kubeconfig's own directory. */
function resolveFrom(kubeconfigFile: string, path: string): string {
  if (path.startsWith('/')) return path;
  const dir = kubeconfigFile.includes('/') ? kubeconfigFile.replace(/\/[^/]*$/, '') : '';
  return dir ? `${dir}/${path}` : path;
}

/** The entry (`cluster` or `user` map) the current context names; the only one when no context says. */
function currentEntry(
  doc: SourceDocument,
  list: 'clusters' | 'users',
  field: 'cluster' | 'user',
): { pointer: string; value: Record<string, unknown> } | undefined {
  const items = Array.isArray(doc.value[list]) ? (doc.value[list] as unknown[]) : [];
  const contexts = Array.isArray(doc.value.contexts) ? (doc.value.contexts as unknown[]) : [];
  const current = contexts.find((c) => isPlainObject(c) && c.name === doc.value['current-context']);
  const wanted =
    isPlainObject(current) && isPlainObject(current.context) ? current.context[field] : undefined;
  const index =
    wanted !== undefined
      ? items.findIndex((item) => isPlainObject(item) && item.name === wanted)
      : items.length === 1
        ? 0
        : -1;
  const item = items[index];
  if (!isPlainObject(item) || !isPlainObject(item[field])) return undefined;
  return { pointer: `/${list}/${index}/${field}`, value: item[field] };
}
