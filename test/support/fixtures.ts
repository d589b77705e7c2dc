/** Small, realistic configuration files for tests, built from the parts a test varies. */

/** A static pod manifest for a control-plane component, flags one per line as kubeadm writes them. */
export function staticPod(
  component: string,
  flags: string[],
  image = `registry.k8s.io/${component}:v1.31.2`,
): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${component}`,
    '  namespace: kube-system',
    'spec:',
    '  containers:',
    '  - command:',
    `    - ${component}`,
    ...flags.map((flag) => `    - ${flag}`),
    `    image: ${image}`,
    `    name: ${component}`,
    '  hostNetwork: true',
    '',
  ].join('\n');
}

export const apiserverPod = (flags: string[], image?: string) => staticPod('kube-apiserver', flags, image);

/** The file name kubeadm gives a static pod manifest. */
export const manifestPath = (component: string) => `/etc/kubernetes/manifests/${component}.yaml`;

/** A KubeletConfiguration with the given body lines (YAML, top level). */
export function kubeletConfig(body = ''): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n${body}`;
}

export const KUBELET_CONFIG_PATH = '/var/lib/kubelet/config.yaml';

/** A kubelet process command line, as `ps -o args=` prints it. */
export const kubeletCommandLine = (flags: string[]) => `/usr/bin/kubelet ${flags.join(' ')}\n`;

/** A kubeconfig with one cluster and one user. */
export function kubeconfig(cluster: string, user: string, userName = 'system:node:worker-1'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kubernetes',
    '  cluster:',
    ...cluster.split('\n').map((line) => `    ${line}`),
    'users:',
    `- name: ${userName}`,
    '  user:',
    ...user.split('\n').map((line) => `    ${line}`),
    'contexts:',
    '- name: default',
    '  context: {cluster: kubernetes, user: ' + JSON.stringify(userName) + '}',
    'current-context: default',
    '',
  ].join('\n');
}

/** A ClusterRole (or a Role, with `namespace`) with one rule, `resources` and `verbs` in the core group. */
export function rbacRole(
  name: string,
  resources: string[],
  verbs: string[],
  options: { namespace?: string; labels?: string; apiGroups?: string[] } = {},
): string {
  return [
    'apiVersion: rbac.authorization.k8s.io/v1',
    `kind: ${options.namespace ? 'Role' : 'ClusterRole'}`,
    'metadata:',
    `  name: ${JSON.stringify(name)}`,
    ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    ...(options.labels ? ['  labels:', `    ${options.labels}`] : []),
    'rules:',
    `- apiGroups: ${JSON.stringify(options.apiGroups ?? [''])}`,
    `  resources: ${JSON.stringify(resources)}`,
    `  verbs: ${JSON.stringify(verbs)}`,
    '',
  ].join('\n');
}

/** A ClusterRoleBinding (or a RoleBinding, with `namespace`) of `role` to `subjects` ("User alice", "Group devs", "ServiceAccount ns/name"). */
export function rbacBinding(
  name: string,
  role: { kind: 'ClusterRole' | 'Role'; name: string },
  subjects: string[],
  namespace?: string,
): string {
  return [
    'apiVersion: rbac.authorization.k8s.io/v1',
    `kind: ${namespace ? 'RoleBinding' : 'ClusterRoleBinding'}`,
    'metadata:',
    `  name: ${JSON.stringify(name)}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    `  kind: ${role.kind}`,
    `  name: ${JSON.stringify(role.name)}`,
    'subjects:',
    ...subjects.map((s) => {
      const [kind = '', subject = ''] = s.split(' ');
      if (kind === 'ServiceAccount') {
        const [ns, sa] = subject.split('/');
        return `- {kind: ServiceAccount, name: ${JSON.stringify(sa)}, namespace: ${ns}}`;
      }
      return `- {kind: ${kind}, name: ${JSON.stringify(subject)}, apiGroup: rbac.authorization.k8s.io}`;
    }),
    '',
  ].join('\n');
}
