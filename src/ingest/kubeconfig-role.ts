/**
 * Which client a kubeconfig belongs to. kubeadm's file names say it first (`kubelet.conf`,
 * `bootstrap-kubelet.conf`, `controller-manager.conf`, `scheduler.conf`, `admin.conf`); otherwise the
 * user names it (`system:node:<name>`, `system:kube-controller-manager`, ...). The kubelet's own
 * `--kubeconfig` / `--bootstrap-kubeconfig` paths take precedence later, in the model.
 */
import type { Component } from './components';
import type { SourceDocument } from './source-document';
import { isPlainObject } from './yaml';

export type KubeconfigRole =
  | 'kubelet'
  | 'kubelet-bootstrap'
  | 'controller-manager'
  | 'scheduler'
  | 'admin'
  | 'konnectivity-server'
  | 'unknown';

const ROLE_COMPONENT: Record<KubeconfigRole, Component | null> = {
  kubelet: 'kubelet',
  'kubelet-bootstrap': 'kubelet',
  'controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler',
  admin: null,
  'konnectivity-server': 'konnectivity-server',
  unknown: null,
};

const BY_FILE_NAME: Array<[RegExp, KubeconfigRole]> = [
  [
    /(^|\/)bootstrap-kubelet\.conf$|(^|\/)bootstrap-kubeconfig$|bootstrap.*\.kubeconfig$/,
    'kubelet-bootstrap',
  ],
  [/(^|\/)kubelet\.conf$|(^|\/)kubelet\.kubeconfig$|(^|\/)kubelet\/kubeconfig$/, 'kubelet'],
  [/(^|\/)controller-manager\.conf$|controller-manager\.kubeconfig$/, 'controller-manager'],
  [/(^|\/)scheduler\.conf$|scheduler\.kubeconfig$/, 'scheduler'],
  [/(^|\/)(super-)?admin\.conf$|admin\.kubeconfig$/, 'admin'],
  [/konnectivity-server\.conf$/, 'konnectivity-server'],
];

const BOOTSTRAP_TOKEN = /^[a-z0-9]{6}\.[a-z0-9]{16}$/;

export function kubeconfigRole(doc: SourceDocument): { role: KubeconfigRole; component: Component | null } {
  const role = roleOf(doc);
  return { role, component: ROLE_COMPONENT[role] };
}

function roleOf(doc: SourceDocument): KubeconfigRole {
  for (const [pattern, role] of BY_FILE_NAME) if (pattern.test(doc.file)) return role;
  const users = Array.isArray(doc.value.users) ? doc.value.users : [];
  for (const entry of users) {
    if (!isPlainObject(entry)) continue;
    const user = isPlainObject(entry.user) ? entry.user : {};
    const name = typeof entry.name === 'string' ? entry.name : '';
    if (typeof user.token === 'string' && BOOTSTRAP_TOKEN.test(user.token)) return 'kubelet-bootstrap';
    if (name.startsWith('system:node:')) return 'kubelet';
    if (name === 'system:kube-controller-manager') return 'controller-manager';
    if (name === 'system:kube-scheduler') return 'scheduler';
    if (name === 'system:konnectivity-server') return 'konnectivity-server';
    if (name === 'kubernetes-admin' || name === 'kubernetes-super-admin') return 'admin';
  }
  return 'unknown';
}
