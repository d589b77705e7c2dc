import type { Rule } from '../../engine/rule';
import apiserverKubeletCertificateAuthorityMissing from './apiserver-kubelet-certificate-authority-missing';
import apiserverKubeletClientCertificateMissing from './apiserver-kubelet-client-certificate-missing';
import apiserverKubeletHttpsDisabled from './apiserver-kubelet-https-disabled';
import kubeletAnonymousAuthEnabled from './kubelet-anonymous-auth-enabled';
import kubeletAuthorizationAlwaysAllow from './kubelet-authorization-always-allow';
import kubeletClientCaMissing from './kubelet-client-ca-missing';
import kubeletReadOnlyPortEnabled from './kubelet-read-only-port-enabled';
import kubeletServerCertRotationGateDisabled from './kubelet-server-cert-rotation-gate-disabled';
import kubeletServingCertApproval from './kubelet-serving-cert-approval';
import kubeletServingCertSelfSigned from './kubelet-serving-cert-self-signed';
import kubeletServingCertUnverifiable from './kubelet-serving-cert-unverifiable';
import kubeletStreamingIdleTimeoutDisabled from './kubelet-streaming-idle-timeout-disabled';
import kubeletWeakTls from './kubelet-weak-tls';
import kubeletWebhookAuthenticationDisabled from './kubelet-webhook-authentication-disabled';
import kubeletServingCertUntrusted from './kubelet-serving-cert-untrusted';
import kubeletServingCertNameMismatch from './kubelet-serving-cert-name-mismatch';
import apiserverKubeletClientCertUntrusted from './apiserver-kubelet-client-cert-untrusted';
import apiserverKubeletClientUnauthorized from './apiserver-kubelet-client-unauthorized';

/** In the order of the apiserver-to-kubelet table in RULES.md. */
export const apiserverToKubeletRules: Rule[] = [
  apiserverKubeletCertificateAuthorityMissing,
  apiserverKubeletClientCertificateMissing,
  apiserverKubeletHttpsDisabled,
  kubeletAnonymousAuthEnabled,
  kubeletAuthorizationAlwaysAllow,
  kubeletWebhookAuthenticationDisabled,
  kubeletClientCaMissing,
  kubeletReadOnlyPortEnabled,
  kubeletServingCertSelfSigned,
  kubeletServingCertUnverifiable,
  kubeletServingCertApproval,
  kubeletServerCertRotationGateDisabled,
  kubeletWeakTls,
  kubeletStreamingIdleTimeoutDisabled,
  kubeletServingCertUntrusted,
  kubeletServingCertNameMismatch,
  apiserverKubeletClientCertUntrusted,
  apiserverKubeletClientUnauthorized,
];
