import type { Rule } from '../types';
import apiserverKubeletCertificateAuthorityMissing from './apiserver-kubelet-certificate-authority-missing';
import kubeletAnonymousAuthEnabled from './kubelet-anonymous-auth-enabled';
import kubeletReadOnlyPortEnabled from './kubelet-read-only-port-enabled';
import kubeletServingCertSelfSigned from './kubelet-serving-cert-self-signed';

export const apiserverToKubeletRules: Rule[] = [
  apiserverKubeletCertificateAuthorityMissing,
  kubeletAnonymousAuthEnabled,
  kubeletReadOnlyPortEnabled,
  kubeletServingCertSelfSigned,
];
