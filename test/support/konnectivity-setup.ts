/**
 * The "Set up Konnectivity service" task as uploads: the docs' manifests from the corpus plus the
 * kube-apiserver static pod the task describes (--egress-selector-config-file, the egress file and the
 * socket directory mounted from the host). Tests break one piece at a time with `replace`.
 */
import { manifestPath } from './fixtures';
import {
  KIND_AGENT,
  KIND_EGRESS,
  KIND_SERVER,
  WEBSITE_AGENT,
  WEBSITE_EGRESS,
  WEBSITE_RBAC,
  WEBSITE_SERVER,
} from './konnectivity-corpus';

export const EGRESS_PATH = '/etc/kubernetes/egress-selector-configuration.yaml';
export const SERVER_PATH = manifestPath('konnectivity-server');
export const APISERVER_PATH = manifestPath('kube-apiserver');
export const AGENT_PATH = 'konnectivity-agent.yaml';
export const RBAC_PATH = 'konnectivity-rbac.yaml';

export interface Volume {
  name: string;
  /** A hostPath volume's path, or `emptyDir` for an emptyDir volume mounted at `mountPath`. */
  hostPath: string;
  mountPath?: string;
  type?: string;
  readOnly?: boolean;
}

export const EGRESS_VOLUME: Volume = {
  name: 'egress-selector-config',
  hostPath: EGRESS_PATH,
  type: 'FileOrCreate',
  readOnly: true,
};
export const UDS_VOLUME: Volume = {
  name: 'konnectivity-uds',
  hostPath: '/etc/kubernetes/konnectivity-server',
  type: 'DirectoryOrCreate',
  readOnly: false,
};

/** A kubeadm-style kube-apiserver static pod with the task's changes; the flag list first, then mounts. */
export function apiserverPod(
  flags: string[] = [`--egress-selector-config-file=${EGRESS_PATH}`],
  volumes: Volume[] = [EGRESS_VOLUME, UDS_VOLUME],
): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: kube-apiserver',
    '  namespace: kube-system',
    'spec:',
    '  containers:',
    '  - command:',
    '    - kube-apiserver',
    '    - --advertise-address=10.0.0.10',
    '    - --secure-port=6443',
    ...flags.map((flag) => `    - ${flag}`),
    '    image: registry.k8s.io/kube-apiserver:v1.34.1',
    '    name: kube-apiserver',
    '    volumeMounts:',
    '    - mountPath: /etc/kubernetes/pki',
    '      name: k8s-certs',
    '      readOnly: true',
    ...volumes.flatMap((v) => [
      `    - mountPath: ${v.mountPath ?? v.hostPath}`,
      `      name: ${v.name}`,
      `      readOnly: ${v.readOnly ?? true}`,
    ]),
    '  hostNetwork: true',
    '  volumes:',
    '  - hostPath:',
    '      path: /etc/kubernetes/pki',
    '      type: DirectoryOrCreate',
    '    name: k8s-certs',
    ...volumes.flatMap((v) =>
      v.hostPath === 'emptyDir'
        ? ['  - emptyDir: {}', `    name: ${v.name}`]
        : [
            '  - hostPath:',
            `      path: ${v.hostPath}`,
            ...(v.type ? [`      type: ${v.type}`] : []),
            `    name: ${v.name}`,
          ],
    ),
    '',
  ].join('\n');
}

export interface SetupParts {
  apiserver?: string;
  egress?: string;
  server?: string;
  agent?: string;
  rbac?: string;
}

/** The whole setup as uploads: pass a part to replace it, list parts in `without` to leave them out. */
export function docsSetup(parts: SetupParts = {}, without: Array<keyof SetupParts> = []) {
  const all: Array<[keyof SetupParts, string, string]> = [
    ['apiserver', APISERVER_PATH, parts.apiserver ?? apiserverPod()],
    ['egress', EGRESS_PATH, parts.egress ?? WEBSITE_EGRESS],
    ['server', SERVER_PATH, parts.server ?? WEBSITE_SERVER],
    ['agent', AGENT_PATH, parts.agent ?? WEBSITE_AGENT],
    ['rbac', RBAC_PATH, parts.rbac ?? WEBSITE_RBAC],
  ];
  return all.filter(([key]) => !without.includes(key)).map(([, name, content]) => ({ name, content }));
}

/** Replaces text that must be there: a test whose edit silently misses would test nothing. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`edit: ${String(from)} not found`);
  return changed;
}

/** A one-selection EgressSelectorConfiguration; `connection` lines are indented under `connection:`. */
export function egressConfig(
  selections: Array<{ name: string; connection: string[] }>,
  apiVersion = 'apiserver.k8s.io/v1beta1',
) {
  return [
    `apiVersion: ${apiVersion}`,
    'kind: EgressSelectorConfiguration',
    'egressSelections:',
    ...selections.flatMap((s) => [
      `- name: ${s.name}`,
      '  connection:',
      ...s.connection.map((l) => `    ${l}`),
    ]),
    '',
  ].join('\n');
}

export const KIND_EGRESS_PATH =
  '/etc/kubernetes/konnectivity-server-config/egress_selector_configuration.yaml';

/**
 * The apiserver-network-proxy kind example: its egress file, server DaemonSet and agent DaemonSet, with
 * the kube-apiserver pod kubeadm writes from its kind.config extraArgs/extraVolumes (socket dir read-only).
 */
export function kindSetup(parts: { server?: string; agent?: string; egress?: string } = {}) {
  return [
    {
      name: APISERVER_PATH,
      content: apiserverPod(
        [`--egress-selector-config-file=${KIND_EGRESS_PATH}`],
        [
          { name: 'egress-selector-config-file', hostPath: KIND_EGRESS_PATH, readOnly: true },
          { name: 'konnectivity-server', hostPath: '/etc/kubernetes/konnectivity-server', readOnly: true },
        ],
      ),
    },
    { name: KIND_EGRESS_PATH, content: parts.egress ?? KIND_EGRESS },
    { name: 'konnectivity-server.yaml', content: parts.server ?? KIND_SERVER },
    { name: 'konnectivity-agent-ds.yaml', content: parts.agent ?? KIND_AGENT },
  ];
}
