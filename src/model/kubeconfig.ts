/** A kubeconfig's clusters and users, read for how the client reaches and proves itself to the API server. */
import type { Classified } from '../ingest/classify';
import type { KubeconfigRole } from '../ingest/kubeconfig-role';
import type { SourceDocument } from '../ingest/source-document';
import { isPlainObject } from '../ingest/yaml';
import { parseGoBool } from './go-values';
import type { Kubelet } from './kubelet';
import { groupBy } from './group-by';
import { findReferencedFile, nodeKeyOf } from './referenced-file';

export interface KubeconfigCluster {
  name: string;
  server: string | undefined;
  insecureSkipTlsVerify: boolean;
  hasCA: boolean;
  /** Pointer to the entry's `cluster` map. */
  pointer: string;
}

export type UserAuth = 'client-certificate' | 'token' | 'basic' | 'exec' | 'auth-provider';

export interface KubeconfigUser {
  name: string;
  auth: UserAuth[];
  pointer: string;
}

export class Kubeconfig {
  readonly clusters: KubeconfigCluster[];
  readonly users: KubeconfigUser[];

  constructor(
    readonly doc: SourceDocument,
    public role: KubeconfigRole,
  ) {
    this.clusters = entries(doc, 'clusters', 'cluster').map(({ name, value, pointer }) => ({
      name,
      server: typeof value.server === 'string' ? value.server : undefined,
      insecureSkipTlsVerify:
        value['insecure-skip-tls-verify'] === true ||
        parseGoBool(String(value['insecure-skip-tls-verify'])) === true,
      hasCA: Boolean(value['certificate-authority']) || Boolean(value['certificate-authority-data']),
      pointer,
    }));
    this.users = entries(doc, 'users', 'user').map(({ name, value, pointer }) => ({
      name,
      auth: authMethods(value),
      pointer,
    }));
  }

  get file(): string {
    return this.doc.file;
  }

  get writtenAt(): string | undefined {
    return this.doc.writtenAt;
  }

  /** The user the current context authenticates as; the only user when no context says. */
  get currentUser(): KubeconfigUser | undefined {
    const current = this.doc.value['current-context'];
    const contexts: unknown[] = Array.isArray(this.doc.value.contexts) ? this.doc.value.contexts : [];
    const context = contexts.find((c) => isPlainObject(c) && c.name === current);
    const userName =
      isPlainObject(context) && isPlainObject(context.context) ? context.context.user : undefined;
    return (
      this.users.find((u) => u.name === userName) ?? (this.users.length === 1 ? this.users[0] : undefined)
    );
  }

  /** "the kubelet's kubeconfig /etc/kubernetes/kubelet.conf" */
  get name(): string {
    const whose: Record<KubeconfigRole, string> = {
      kubelet: "the kubelet's kubeconfig",
      'kubelet-bootstrap': "the kubelet's bootstrap kubeconfig",
      'controller-manager': "kube-controller-manager's kubeconfig",
      scheduler: "kube-scheduler's kubeconfig",
      admin: 'the admin kubeconfig',
      'konnectivity-server': "the konnectivity server's kubeconfig",
      unknown: 'kubeconfig',
    };
    return `${whose[this.role]} ${this.doc.file}`;
  }
}

export function kubeconfigFrom(item: Classified): Kubeconfig | undefined {
  return item.type === 'kubeconfig' ? new Kubeconfig(item.doc, item.role ?? 'unknown') : undefined;
}

function entries(doc: SourceDocument, list: 'clusters' | 'users', field: 'cluster' | 'user') {
  const items = doc.value[list];
  if (!Array.isArray(items)) return [];
  return items.flatMap((entry, i) => {
    if (!isPlainObject(entry) || !isPlainObject(entry[field])) return [];
    return [
      {
        name: typeof entry.name === 'string' ? entry.name : `#${i}`,
        value: entry[field],
        pointer: `/${list}/${i}/${field}`,
      },
    ];
  });
}

function authMethods(user: Record<string, unknown>): UserAuth[] {
  const methods: UserAuth[] = [];
  if (user['client-certificate'] || user['client-certificate-data']) methods.push('client-certificate');
  if (user.token || user.tokenFile) methods.push('token');
  if (user.username || user.password) methods.push('basic');
  if (user.exec) methods.push('exec');
  if (user['auth-provider']) methods.push('auth-provider');
  return methods;
}

/**
 * The kubeconfig a kubelet uses (`--kubeconfig`) or bootstraps with (`--bootstrap-kubeconfig`): the
 * uploaded file its flag names, else the one kubeconfig with that role on the kubelet's node.
 */
export function kubeletKubeconfig(
  kubelet: Kubelet,
  kubeconfigs: readonly Kubeconfig[],
  role: 'kubelet' | 'kubelet-bootstrap',
): Kubeconfig | undefined {
  const index = indexOf(kubeconfigs);
  const flag = kubelet.flags.get(role === 'kubelet' ? 'kubeconfig' : 'bootstrap-kubeconfig');
  if (flag) return findReferencedFile(flag.value, index.withRole(role));
  const local = index.onNode(role, nodeKeyOf(kubelet.files[0] ?? ''));
  return local.length === 1 ? local[0] : undefined;
}

/** The kubelets whose `--kubeconfig` is each kubeconfig (kubeletKubeconfig), in upload order. */
export function kubeletsUsing(
  kubeconfig: Kubeconfig,
  kubelets: readonly Kubelet[],
  kubeconfigs: readonly Kubeconfig[],
): readonly Kubelet[] {
  let users = usersByKubelets.get(kubelets);
  if (!users) {
    users = groupBy(kubelets, (kubelet) => kubeletKubeconfig(kubelet, kubeconfigs, 'kubelet'));
    usersByKubelets.set(kubelets, users);
  }
  return users.get(kubeconfig) ?? [];
}

const usersByKubelets = new WeakMap<readonly Kubelet[], Map<Kubeconfig | undefined, Kubelet[]>>();

/**
 * An upload's kubeconfigs by role and by node, made once (when a rule first asks, after the model has
 * given every kubeconfig its role): every kubelet looks its kubeconfig up, and an upload may hold
 * thousands of each.
 */
class KubeconfigIndex {
  private readonly byRole: Map<KubeconfigRole, Kubeconfig[]>;
  private readonly byNode: Map<string, Kubeconfig[]>;

  constructor(kubeconfigs: readonly Kubeconfig[]) {
    this.byRole = groupBy(kubeconfigs, (kubeconfig) => kubeconfig.role);
    this.byNode = groupBy(kubeconfigs, (kubeconfig) => `${kubeconfig.role}\0${nodeKeyOf(kubeconfig.file)}`);
  }

  withRole(role: KubeconfigRole): readonly Kubeconfig[] {
    return this.byRole.get(role) ?? [];
  }

  onNode(role: KubeconfigRole, node: string): readonly Kubeconfig[] {
    return this.byNode.get(`${role}\0${node}`) ?? [];
  }
}

function indexOf(kubeconfigs: readonly Kubeconfig[]): KubeconfigIndex {
  let index = indexes.get(kubeconfigs);
  if (!index) indexes.set(kubeconfigs, (index = new KubeconfigIndex(kubeconfigs)));
  return index;
}

const indexes = new WeakMap<readonly Kubeconfig[], KubeconfigIndex>();
