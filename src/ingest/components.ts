/** The programs kube-comms-lint knows, and the names they go by in commands, images and containers. */
import { own } from '../security/own-property';

export const COMPONENTS = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'konnectivity-server',
  'konnectivity-agent',
  'etcd',
  'kube-proxy',
] as const;
export type Component = (typeof COMPONENTS)[number];

const ALIASES: Record<string, Component> = {
  'kube-apiserver': 'kube-apiserver',
  apiserver: 'kube-apiserver',
  'kube-controller-manager': 'kube-controller-manager',
  'kube-scheduler': 'kube-scheduler',
  kubelet: 'kubelet',
  'proxy-server': 'konnectivity-server',
  'konnectivity-server': 'konnectivity-server',
  'proxy-agent': 'konnectivity-agent',
  'konnectivity-agent': 'konnectivity-agent',
  etcd: 'etcd',
  'kube-proxy': 'kube-proxy',
};

/** The component a program path names: `/usr/local/bin/kube-apiserver` → kube-apiserver. */
export function componentOfProgram(program: string): Component | undefined {
  const base = program.split('/').pop() ?? '';
  return own(ALIASES, base);
}

/** The component an image runs: `registry.k8s.io/kube-apiserver:v1.31.2` → kube-apiserver. */
export function componentOfImage(image: string): Component | undefined {
  const name = image.split('@')[0]?.split('/').pop()?.split(':')[0] ?? '';
  return own(ALIASES, name.replace(/-(amd64|arm64|arm|ppc64le|s390x)$/, ''));
}

/** The Kubernetes minor version an image tag shows: `...:v1.31.2` → 1.31. */
export function versionOfImage(image: string): string | undefined {
  const tag = image.split('@')[0]?.split('/').pop()?.split(':')[1];
  const match = tag ? /^v?(1\.\d+)(?:\.\d+)?/.exec(tag) : null;
  return match?.[1];
}
