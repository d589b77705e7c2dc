/**
 * Builders for the rules' examples (docs/rules.md shows them, test/node/registry.test.ts runs them): each
 * makes whole files as kubeadm and the kubelet write them, so a rule states only what its example varies,
 * and a reader can copy an example and lint it as it is.
 */
import type { RuleExample } from '../../engine/rule';

type File = RuleExample['files'][number];

/**
 * A rule's two uploads, exported by its file as `examples` beside the rule (outside it, so that the
 * Worker bundle does not carry them): `bad` makes the rule fire, `good` (its fix) is evaluated and does
 * not. docs/rules.md shows them and test/node/registry.test.ts runs them (scripts/rule-examples.ts).
 */
export interface RuleExamples {
  bad: RuleExample;
  good: RuleExample;
}

/** One upload made of several examples' files. */
export function upload(...parts: Array<RuleExample | File>): RuleExample {
  const files = parts.flatMap((part) => ('files' in part ? part.files : [part]));
  const examples = parts.filter((part): part is RuleExample => 'files' in part);
  const version = examples.find((part) => part.kubernetesVersion)?.kubernetesVersion;
  const asOf = examples.find((part) => part.asOf)?.asOf;
  return { files, ...(version ? { kubernetesVersion: version } : {}), ...(asOf ? { asOf } : {}) };
}

/** A control-plane static pod at /etc/kubernetes/manifests/<component>.yaml, flags one per line. */
export function staticPod(component: string, flags: readonly string[], version = '1.31.2'): File {
  return {
    name: `/etc/kubernetes/manifests/${component}.yaml`,
    content: [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      `  name: ${component}`,
      '  namespace: kube-system',
      'spec:',
      '  containers:',
      '  - name: ' + component,
      `    image: registry.k8s.io/${component}:v${version}`,
      '    command:',
      `    - ${component}`,
      ...flags.map((flag) => `    - ${flag}`),
      '  hostNetwork: true',
      '',
    ].join('\n'),
  };
}

/** kube-apiserver's static pod. */
export const apiserver = (flags: readonly string[], version?: string) =>
  staticPod('kube-apiserver', flags, version);

/** A KubeletConfiguration at /var/lib/kubelet/config.yaml (the kubelet runs with --config), `body` its fields. */
export function kubeletConfig(body = ''): File {
  return {
    name: '/var/lib/kubelet/config.yaml',
    content: `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n${body}`,
  };
}

/** A kubelet's whole command line, as `ps -o args=` prints it. */
export function kubeletCommandLine(flags: readonly string[]): File {
  return { name: '/proc/kubelet/cmdline.txt', content: `/usr/bin/kubelet ${flags.join(' ')}\n` };
}

/** A file with the given name and content, for what the builders above do not cover. */
export const file = (name: string, content: string): File => ({ name, content });

/** An upload linted as Kubernetes `kubernetesVersion` (`1.21`): for rules whose verdict depends on the version. */
export function uploadAt(kubernetesVersion: string, ...parts: Array<RuleExample | File>): RuleExample {
  return { ...upload(...parts), kubernetesVersion };
}

/** Text made of `lines`, each ended by a newline: a file's content, or a `kubeletConfig` body. */
export const lines = (...text: readonly string[]): string => text.map((line) => `${line}\n`).join('');

/** A hostPath volume, mounted in the container at the same path, as kubeadm and the setup-konnectivity task mount them. */
export interface HostPath {
  name: string;
  path: string;
  type: 'FileOrCreate' | 'DirectoryOrCreate';
  readOnly?: boolean;
}

/** A static pod from `staticPod` (or `apiserver`) with hostPath volumes mounted in its container. */
export function withHostPaths(pod: File, volumes: readonly HostPath[]): File {
  const mounts = volumes.flatMap((v) => [
    `    - name: ${v.name}`,
    `      mountPath: ${v.path}`,
    ...(v.readOnly ? ['      readOnly: true'] : []),
  ]);
  const declared = volumes.flatMap((v) => [
    `  - name: ${v.name}`,
    '    hostPath:',
    `      path: ${v.path}`,
    `      type: ${v.type}`,
  ]);
  const tail = '  hostNetwork: true\n';
  if (!pod.content.endsWith(tail)) throw new Error(`withHostPaths: ${pod.name} is not a staticPod`);
  return {
    name: pod.name,
    content: `${pod.content.slice(0, -tail.length)}${lines('    volumeMounts:', ...mounts, '  hostNetwork: true', '  volumes:', ...declared)}`,
  };
}

/** Where the setup-konnectivity task puts the EgressSelectorConfiguration (kube-apiserver --egress-selector-config-file). */
export const EGRESS_SELECTOR_FILE = '/etc/kubernetes/egress-selector-configuration.yaml';
/** The host directory the konnectivity-server creates its socket in, and the socket (the task's udsName and --uds-name). */
export const KONNECTIVITY_SOCKET_DIR = '/etc/kubernetes/konnectivity-server';
export const KONNECTIVITY_SOCKET = `${KONNECTIVITY_SOCKET_DIR}/konnectivity-server.socket`;

/** The volumes the setup-konnectivity task adds to kube-apiserver: the egress selector file and the socket directory. */
export const KONNECTIVITY_MOUNTS: readonly HostPath[] = [
  { name: 'egress-selector-config', path: EGRESS_SELECTOR_FILE, type: 'FileOrCreate', readOnly: true },
  { name: 'konnectivity-uds', path: KONNECTIVITY_SOCKET_DIR, type: 'DirectoryOrCreate' },
];

/** The setup-konnectivity task's egress selection: cluster traffic over GRPC to the konnectivity-server's socket. */
export const CLUSTER_OVER_GRPC: readonly string[] = [
  '- name: cluster',
  '  connection:',
  '    proxyProtocol: GRPC',
  '    transport:',
  '      uds:',
  `        udsName: ${KONNECTIVITY_SOCKET}`,
];

/** An EgressSelectorConfiguration at EGRESS_SELECTOR_FILE, `selections` the lines of its egressSelections list. */
export function egressSelector(selections: readonly string[] = CLUSTER_OVER_GRPC): File {
  return {
    name: EGRESS_SELECTOR_FILE,
    content: lines(
      'apiVersion: apiserver.k8s.io/v1beta1',
      'kind: EgressSelectorConfiguration',
      'egressSelections:',
      ...selections,
    ),
  };
}

/**
 * The konnectivity-server static pod of the setup-konnectivity task at
 * /etc/kubernetes/manifests/konnectivity-server.yaml, `flags` its args. With --uds-name it mounts the
 * socket directory from the host, as the task does.
 */
export function konnectivityServer(flags: readonly string[], version = '0.33.0'): File {
  const uds = flags.some((flag) => flag.startsWith('--uds-name='));
  return {
    name: '/etc/kubernetes/manifests/konnectivity-server.yaml',
    content: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: konnectivity-server',
      '  namespace: kube-system',
      'spec:',
      '  hostNetwork: true',
      '  containers:',
      '  - name: konnectivity-server-container',
      `    image: registry.k8s.io/kas-network-proxy/proxy-server:v${version}`,
      '    command: ["/proxy-server"]',
      '    args:',
      ...flags.map((flag) => `    - ${flag}`),
      ...(uds
        ? [
            '    volumeMounts:',
            '    - name: konnectivity-uds',
            `      mountPath: ${KONNECTIVITY_SOCKET_DIR}`,
            '  volumes:',
            '  - name: konnectivity-uds',
            '    hostPath:',
            `      path: ${KONNECTIVITY_SOCKET_DIR}`,
            '      type: DirectoryOrCreate',
          ]
        : []),
    ),
  };
}

/** Where the setup-konnectivity task's agent reads its projected service-account token. */
const AGENT_TOKEN_DIR = '/var/run/secrets/tokens';
export const KONNECTIVITY_AGENT_TOKEN = `${AGENT_TOKEN_DIR}/konnectivity-agent-token`;

/**
 * The konnectivity-agent DaemonSet of the setup-konnectivity task (konnectivity-agent.yaml), `flags` its
 * args: in kube-system, as service account konnectivity-agent, with a projected token for `audience` at
 * KONNECTIVITY_AGENT_TOKEN.
 */
export function konnectivityAgent(
  flags: readonly string[],
  audience = 'system:konnectivity-server',
  version = '0.33.0',
): File {
  return {
    name: 'konnectivity-agent.yaml',
    content: lines(
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata:',
      '  name: konnectivity-agent',
      '  namespace: kube-system',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      k8s-app: konnectivity-agent',
      '  template:',
      '    metadata:',
      '      labels:',
      '        k8s-app: konnectivity-agent',
      '    spec:',
      '      serviceAccountName: konnectivity-agent',
      '      containers:',
      '      - name: konnectivity-agent',
      `        image: registry.k8s.io/kas-network-proxy/proxy-agent:v${version}`,
      '        command: ["/proxy-agent"]',
      '        args:',
      ...flags.map((flag) => `        - ${flag}`),
      '        volumeMounts:',
      '        - name: konnectivity-agent-token',
      `          mountPath: ${AGENT_TOKEN_DIR}`,
      '      volumes:',
      '      - name: konnectivity-agent-token',
      '        projected:',
      '          sources:',
      '          - serviceAccountToken:',
      '              path: konnectivity-agent-token',
      `              audience: ${audience}`,
    ),
  };
}

/**
 * A kubeconfig as kubeadm writes one: cluster `kubernetes` with the `cluster` fields, user `user` with
 * the `credentials` fields, and the context joining them current.
 */
export function kubeconfig(
  name: string,
  cluster: readonly string[],
  user: string,
  credentials: readonly string[],
): File {
  return {
    name,
    content: lines(
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: kubernetes',
      '  cluster:',
      ...cluster.map((line) => `    ${line}`),
      'contexts:',
      `- name: ${user}@kubernetes`,
      '  context:',
      '    cluster: kubernetes',
      `    user: ${user}`,
      `current-context: ${user}@kubernetes`,
      'users:',
      `- name: ${user}`,
      '  user:',
      ...credentials.map((line) => `    ${line}`),
    ),
  };
}

/** The cluster of a node's kubeconfigs: the API server's secure port, verified with the cluster CA. */
export const CLUSTER: readonly string[] = [
  'server: https://10.0.0.10:6443',
  'certificate-authority: /etc/kubernetes/pki/ca.crt',
];

/**
 * The kubelet's kubeconfig /etc/kubernetes/kubelet.conf; by default as kubeadm leaves it after TLS
 * bootstrapping: CLUSTER, and the node's rotated client certificate.
 */
export function kubeletConf(
  options: { cluster?: readonly string[]; user?: string; credentials?: readonly string[] } = {},
): File {
  return kubeconfig(
    '/etc/kubernetes/kubelet.conf',
    options.cluster ?? CLUSTER,
    options.user ?? 'system:node:worker-1',
    options.credentials ?? [
      'client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem',
      'client-key: /var/lib/kubelet/pki/kubelet-client-current.pem',
    ],
  );
}

/** An AuthorizationConfiguration at /etc/kubernetes/authorization-config.yaml with one authorizer of each type. */
export function authorizationConfig(
  types: readonly string[],
  apiVersion = 'apiserver.config.k8s.io/v1beta1',
): File {
  return {
    name: '/etc/kubernetes/authorization-config.yaml',
    content: lines(
      `apiVersion: ${apiVersion}`,
      'kind: AuthorizationConfiguration',
      'authorizers:',
      ...types.flatMap((type) => [`- type: ${type}`, `  name: ${type.toLowerCase()}`]),
    ),
  };
}

/** The default/kubernetes Service as the API server keeps it (kubectl get service kubernetes -o yaml), with `targetPort`. */
export function kubernetesService(targetPort: number): File {
  return {
    name: 'default-kubernetes-service.yaml',
    content: lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: kubernetes',
      '  namespace: default',
      '  labels:',
      '    component: apiserver',
      '    provider: kubernetes',
      'spec:',
      '  type: ClusterIP',
      '  clusterIP: 10.96.0.1',
      '  ports:',
      '  - name: https',
      '    port: 443',
      '    protocol: TCP',
      `    targetPort: ${targetPort}`,
    ),
  };
}
