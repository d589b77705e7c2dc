/**
 * The kube-scheduler settings the rules read, with their defaults (the kube-scheduler reference, flag
 * facts in src/model/flag-facts/; kubernetes/kubernetes cmd/kube-scheduler/app/options).
 */
import { intSetting, textSetting } from './setting';

export const SCHEDULER = {
  /** All interfaces unless set. */
  bindAddress: textSetting('bind-address', '0.0.0.0'),
  /** 0 turns the secure port off. */
  securePort: intSetting('secure-port', 10259),
  tlsCertFile: textSetting('tls-cert-file'),
  tlsPrivateKeyFile: textSetting('tls-private-key-file'),
  master: textSetting('master'),
  kubeconfig: textSetting('kubeconfig'),
} as const;
