/**
 * The kube-controller-manager settings the rules read, with their defaults (the kube-controller-manager
 * reference, flag facts in src/model/flag-facts/; kubernetes/kubernetes cmd/kube-controller-manager/app/options).
 */
import { featureGatesSetting } from './feature-gates';
import { boolSetting, intSetting, textSetting } from './setting';

export const CONTROLLER_MANAGER = {
  /** All interfaces unless set. */
  bindAddress: textSetting('bind-address', '0.0.0.0'),
  /** 0 turns the secure port off. */
  securePort: intSetting('secure-port', 10257),
  tlsCertFile: textSetting('tls-cert-file'),
  tlsPrivateKeyFile: textSetting('tls-private-key-file'),
  /** Overrides the kubeconfig's server. */
  master: textSetting('master'),
  kubeconfig: textSetting('kubeconfig'),
  rootCAFile: textSetting('root-ca-file'),
  serviceAccountPrivateKeyFile: textSetting('service-account-private-key-file'),
  useServiceAccountCredentials: boolSetting('use-service-account-credentials', false),
  featureGates: featureGatesSetting(),
} as const;
