import type { Rule } from '../types';
import apiserverAuthorizationAlwaysAllow from './apiserver-authorization-always-allow';
import kubeconfigInsecureSkipTlsVerify from './kubeconfig-insecure-skip-tls-verify';

export const nodeToControlPlaneRules: Rule[] = [
  apiserverAuthorizationAlwaysAllow,
  kubeconfigInsecureSkipTlsVerify,
];
