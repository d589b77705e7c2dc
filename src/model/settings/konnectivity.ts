/**
 * The konnectivity-server (proxy-server) and konnectivity-agent (proxy-agent) settings, with the binary
 * defaults of kubernetes-sigs/apiserver-network-proxy cmd/{server,agent}/app/options/options.go.
 */
import { boolSetting, intSetting, textSetting } from './setting';

export const KONNECTIVITY_SERVER = {
  /** grpc or http-connect; anything else stops the server. */
  mode: textSetting('mode', 'grpc'),
  /** The API server side: a unix socket (then --server-port must be 0) or TCP. */
  udsName: textSetting('uds-name'),
  serverPort: intSetting('server-port', 8090),
  serverCert: textSetting('server-cert'),
  serverKey: textSetting('server-key'),
  serverCaCert: textSetting('server-ca-cert'),
  /** The agent side. */
  agentPort: intSetting('agent-port', 8091),
  clusterCert: textSetting('cluster-cert'),
  clusterKey: textSetting('cluster-key'),
  clusterCaCert: textSetting('cluster-ca-cert'),
  /** Token authentication of agents: all three, reviewed through --kubeconfig. */
  agentNamespace: textSetting('agent-namespace'),
  agentServiceAccount: textSetting('agent-service-account'),
  authenticationAudience: textSetting('authentication-audience'),
  kubeconfig: textSetting('kubeconfig'),
  adminPort: intSetting('admin-port', 8095),
  /** Empty means localhost. */
  adminBindAddress: textSetting('admin-bind-address', '127.0.0.1'),
  enableProfiling: boolSetting('enable-profiling', false),
} as const;

export const KONNECTIVITY_AGENT = {
  proxyServerHost: textSetting('proxy-server-host', '127.0.0.1'),
  proxyServerPort: intSetting('proxy-server-port', 8091),
  caCert: textSetting('ca-cert'),
  agentCert: textSetting('agent-cert'),
  agentKey: textSetting('agent-key'),
  serviceAccountTokenPath: textSetting('service-account-token-path'),
  adminServerPort: intSetting('admin-server-port', 8094),
  adminBindAddress: textSetting('admin-bind-address', '127.0.0.1'),
  enableProfiling: boolSetting('enable-profiling', false),
} as const;
