/** The node → control plane rules, in the order of the catalogue (RULES.md). */
import type { Rule } from '../../engine/rule';
import apiserverAnonymousAuth from './apiserver-anonymous-auth';
import apiserverAuthorizationAlwaysAllow from './apiserver-authorization-always-allow';
import apiserverAuthorizationNodeMissing from './apiserver-authorization-node-missing';
import apiserverAuthorizationRbacMissing from './apiserver-authorization-rbac-missing';
import apiserverBasicAuthFile from './apiserver-basic-auth-file';
import apiserverClientCaMissing from './apiserver-client-ca-missing';
import apiserverConflictingAuthConfig from './apiserver-conflicting-auth-config';
import apiserverInsecurePort from './apiserver-insecure-port';
import apiserverNodeRestrictionMissing from './apiserver-node-restriction-missing';
import apiserverServiceAccountLookupDisabled from './apiserver-service-account-lookup-disabled';
import apiserverServiceAccountTokens from './apiserver-service-account-tokens';
import apiserverServingCertMissing from './apiserver-serving-cert-missing';
import apiserverTokenAuthFile from './apiserver-token-auth-file';
import apiserverWeakTls from './apiserver-weak-tls';
import bootstrapTokenAuthMissing from './bootstrap-token-auth-missing';
import controlPlaneComponentExposed from './control-plane-component-exposed';
import controlPlaneComponentPlaintextApiserver from './control-plane-component-plaintext-apiserver';
import controllerManagerRootCaMissing from './controller-manager-root-ca-missing';
import controllerManagerSaPrivateKeyMissing from './controller-manager-sa-private-key-missing';
import controllerManagerServiceAccountCredentials from './controller-manager-service-account-credentials';
import kubeconfigCaMissing from './kubeconfig-ca-missing';
import kubeconfigInsecureSkipTlsVerify from './kubeconfig-insecure-skip-tls-verify';
import kubeconfigPlaintextServer from './kubeconfig-plaintext-server';
import kubeletClientCertRotationDisabled from './kubelet-client-cert-rotation-disabled';
import kubeletClientCredentials from './kubelet-client-credentials';
import kubernetesServiceEndpointInsecure from './kubernetes-service-endpoint-insecure';
import rbacAnonymousBinding from './rbac-anonymous-binding';
import apiserverServingCertUntrusted from './apiserver-serving-cert-untrusted';
import apiserverServingCertNameMismatch from './apiserver-serving-cert-name-mismatch';
import clientCertUntrusted from './client-cert-untrusted';
import kubeletClientCertIdentityInvalid from './kubelet-client-cert-identity-invalid';

export const nodeToControlPlaneRules: Rule[] = [
  apiserverInsecurePort,
  apiserverServingCertMissing,
  apiserverClientCaMissing,
  apiserverAnonymousAuth,
  apiserverAuthorizationAlwaysAllow,
  apiserverAuthorizationNodeMissing,
  apiserverAuthorizationRbacMissing,
  apiserverNodeRestrictionMissing,
  apiserverTokenAuthFile,
  apiserverBasicAuthFile,
  apiserverWeakTls,
  apiserverServiceAccountTokens,
  apiserverServiceAccountLookupDisabled,
  apiserverConflictingAuthConfig,
  rbacAnonymousBinding,
  kubeconfigPlaintextServer,
  kubeconfigInsecureSkipTlsVerify,
  kubeconfigCaMissing,
  kubeletClientCredentials,
  kubeletClientCertRotationDisabled,
  bootstrapTokenAuthMissing,
  controllerManagerRootCaMissing,
  controllerManagerServiceAccountCredentials,
  controllerManagerSaPrivateKeyMissing,
  controlPlaneComponentExposed,
  controlPlaneComponentPlaintextApiserver,
  kubernetesServiceEndpointInsecure,
  apiserverServingCertUntrusted,
  apiserverServingCertNameMismatch,
  clientCertUntrusted,
  kubeletClientCertIdentityInvalid,
];
