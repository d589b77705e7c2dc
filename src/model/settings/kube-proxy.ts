/**
 * The kube-proxy settings, with their defaults (the kube-proxy reference, flag facts in
 * src/model/flag-facts/; kubernetes/kubernetes cmd/kube-proxy/app/options.go). A KubeProxyConfiguration
 * named by --config holds the same settings; flags are read over it only with --config unset.
 */
import { textSetting } from './setting';

export const PROXY = {
  config: textSetting('config'),
  kubeconfig: textSetting('kubeconfig'),
  /** All interfaces unless set. */
  bindAddress: textSetting('bind-address', '0.0.0.0'),
  healthzBindAddress: textSetting('healthz-bind-address', '0.0.0.0:10256'),
  metricsBindAddress: textSetting('metrics-bind-address', '127.0.0.1:10249'),
  hostnameOverride: textSetting('hostname-override'),
} as const;
