/**
 * kubernetes.io pages and anchors the rules link to, written once. Anchors are the blackfriday IDs
 * Hugo generates for the headings (see k8s-facts §1).
 */
const DOCS = 'https://kubernetes.io/docs';
const COMMUNICATION = `${DOCS}/concepts/architecture/control-plane-node-communication/`;

export const LINKS = {
  nodeToControlPlane: `${COMMUNICATION}#node-to-control-plane`,
  apiServerToKubelet: `${COMMUNICATION}#api-server-to-kubelet`,
  apiServerToNodesPodsServices: `${COMMUNICATION}#api-server-to-nodes-pods-and-services`,
  sshTunnels: `${COMMUNICATION}#ssh-tunnels`,
  konnectivityService: `${COMMUNICATION}#konnectivity-service`,
  authorization: `${DOCS}/reference/access-authn-authz/authorization/`,
  anonymousRequests: `${DOCS}/reference/access-authn-authz/authentication/#anonymous-requests`,
  kubeletAuthentication: `${DOCS}/reference/access-authn-authz/kubelet-authn-authz/#kubelet-authentication`,
  kubeletAuthorization: `${DOCS}/reference/access-authn-authz/kubelet-authn-authz/#kubelet-authorization`,
  kubeletTlsBootstrapping: `${DOCS}/reference/access-authn-authz/kubelet-tls-bootstrapping/`,
  kubeletServingCertificates: `${DOCS}/reference/access-authn-authz/kubelet-tls-bootstrapping/#client-and-serving-certificates`,
  kubeadmKubeletServingCerts: `${DOCS}/tasks/administer-cluster/kubeadm/kubeadm-certs/#kubelet-serving-certs`,
  kubeletConfiguration: `${DOCS}/reference/config-api/kubelet-config.v1beta1/#kubelet-config-k8s-io-v1beta1-KubeletConfiguration`,
  kubeApiserverFlags: `${DOCS}/reference/command-line-tools-reference/kube-apiserver/`,
  kubeletFlags: `${DOCS}/reference/command-line-tools-reference/kubelet/`,
  rbacReferringToResources: `${DOCS}/reference/access-authn-authz/rbac/#referring-to-resources`,
  kubeconfig: `${DOCS}/reference/config-api/kubeconfig.v1/`,
  setupKonnectivity: `${DOCS}/tasks/extend-kubernetes/setup-konnectivity/`,
  egressSelectorConfiguration: `${DOCS}/reference/config-api/apiserver-config.v1beta1/#apiserver-k8s-io-v1beta1-EgressSelectorConfiguration`,
  securingACluster: `${DOCS}/tasks/administer-cluster/securing-a-cluster/`,
  authentication: `${DOCS}/reference/access-authn-authz/authentication/`,
  staticTokenFile: `${DOCS}/reference/access-authn-authz/authentication/#static-token-file`,
  serviceAccountTokens: `${DOCS}/reference/access-authn-authz/authentication/#service-account-tokens`,
  anonymousAuthenticatorConfiguration: `${DOCS}/reference/access-authn-authz/authentication/#anonymous-authenticator-configuration`,
  nodeAuthorization: `${DOCS}/reference/access-authn-authz/node/`,
  rbac: `${DOCS}/reference/access-authn-authz/rbac/`,
  rbacDiscoveryRoles: `${DOCS}/reference/access-authn-authz/rbac/#discovery-roles`,
  nodeRestriction: `${DOCS}/reference/access-authn-authz/admission-controllers/#noderestriction`,
  serviceAccountsAdmin: `${DOCS}/reference/access-authn-authz/service-accounts-admin/`,
  bootstrapTokensApiserver: `${DOCS}/reference/access-authn-authz/kubelet-tls-bootstrapping/#kube-apiserver-configuration`,
  kubeletCertificateRotation: `${DOCS}/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation`,
  kubeControllerManagerFlags: `${DOCS}/reference/command-line-tools-reference/kube-controller-manager/`,
  kubeSchedulerFlags: `${DOCS}/reference/command-line-tools-reference/kube-scheduler/`,
  controllingAccess: `${DOCS}/concepts/security/controlling-access/`,
  authenticationConfiguration: `${DOCS}/reference/config-api/apiserver-config.v1/#apiserver-config-k8s-io-v1-AuthenticationConfiguration`,
  kubeProxyFlags: `${DOCS}/reference/command-line-tools-reference/kube-proxy/`,
  featureGates: `${DOCS}/reference/command-line-tools-reference/feature-gates/`,
  kubeletConfigFile: `${DOCS}/tasks/administer-cluster/kubelet-config-file/`,
  deprecationPolicy: `${DOCS}/reference/using-api/deprecation-policy/`,
} as const;
