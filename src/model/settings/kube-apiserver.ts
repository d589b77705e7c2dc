/**
 * The kube-apiserver settings the rules read, with their defaults. Sources: the kube-apiserver reference
 * (flag facts, src/model/flag-facts/) and kubernetes/kubernetes cmd/kube-apiserver/app/options,
 * pkg/kubeapiserver/options and kubernetes/apiserver pkg/server/options; k8s-facts §2.
 */
import {
  boolSetting,
  durationSetting,
  intSetting,
  listSetting,
  textSetting,
  versionedBool,
  versionedInt,
} from './setting';

export const APISERVER = {
  secureServing: {
    /** "cannot be switched off with 0". */
    securePort: intSetting('secure-port', 6443),
    tlsCertFile: textSetting('tls-cert-file'),
    tlsPrivateKeyFile: textSetting('tls-private-key-file'),
    tlsMinVersion: textSetting('tls-min-version'),
    tlsCipherSuites: listSetting('tls-cipher-suites'),
    /** Other certificates for the names they list (certFile,keyFile:names), repeatable. */
    tlsSniCertKey: textSetting('tls-sni-cert-key'),
  },
  /** The address the API server advertises to the cluster (the kubernetes Service's endpoint). */
  advertiseAddress: textSetting('advertise-address'),
  /**
   * The Service ClusterIP range; its first address is the kubernetes Service's. Unset, 10.0.0.0/24
   * (pkg/kubeapiserver/options/options.go DefaultServiceIPCIDR; the reference prints no default).
   */
  serviceClusterIpRange: textSetting('service-cluster-ip-range', '10.0.0.0/24'),
  /**
   * The plain-HTTP port before 1.20: 8080 on 127.0.0.1 unless set (the pre-1.20 "Controlling access"
   * page); from 1.20 only 0 is accepted, and 0 is the default (kubernetes#95856). Removed in 1.24.
   */
  insecurePort: versionedInt('insecure-port', [
    ['1.0', 8080],
    ['1.20', 0],
  ]),
  /** The unqualified spelling of --insecure-port, removed with it. */
  port: versionedInt('port', [
    ['1.0', 8080],
    ['1.20', 0],
  ]),
  insecureBindAddress: textSetting('insecure-bind-address', '127.0.0.1'),
  /** The unqualified spelling of --insecure-bind-address. */
  address: textSetting('address', '127.0.0.1'),
  authentication: {
    anonymousAuth: boolSetting('anonymous-auth', true),
    authenticationConfig: textSetting('authentication-config'),
    clientCAFile: textSetting('client-ca-file'),
    tokenAuthFile: textSetting('token-auth-file'),
    basicAuthFile: textSetting('basic-auth-file'),
    enableBootstrapTokenAuth: boolSetting('enable-bootstrap-token-auth', false),
  },
  authorization: {
    /** With neither it nor --authorization-config set, AlwaysAllow (src/model/apiserver.ts). */
    authorizationMode: listSetting('authorization-mode'),
    authorizationConfig: textSetting('authorization-config'),
    /** The --authorization-webhook-* flags --authorization-config excludes (pkg/kubeapiserver/options/authorization.go). */
    webhookFlags: [
      textSetting('authorization-webhook-config-file'),
      textSetting('authorization-webhook-version'),
      durationSetting('authorization-webhook-cache-authorized-ttl'),
      durationSetting('authorization-webhook-cache-unauthorized-ttl'),
    ],
  },
  admission: {
    enableAdmissionPlugins: listSetting('enable-admission-plugins'),
    disableAdmissionPlugins: listSetting('disable-admission-plugins'),
    /** The deprecated spelling of the enabled list. */
    admissionControl: listSetting('admission-control'),
  },
  serviceAccounts: {
    /** false before 1.7, true since (kubernetes#44071, CHANGELOG-1.7: "--service-account-lookup now defaults to true"). */
    lookup: versionedBool('service-account-lookup', [
      ['1.0', false],
      ['1.7', true],
    ]),
    /** Repeatable: the first signs, all are accepted. */
    issuer: listSetting('service-account-issuer'),
    signingKeyFile: textSetting('service-account-signing-key-file'),
    keyFile: listSetting('service-account-key-file'),
    signingEndpoint: textSetting('service-account-signing-endpoint'),
  },
  kubeletClient: {
    certificateAuthority: textSetting('kubelet-certificate-authority'),
    clientCertificate: textSetting('kubelet-client-certificate'),
    clientKey: textSetting('kubelet-client-key'),
    /** The order of node address types the API server dials; unset, Hostname,InternalDNS,InternalIP,ExternalDNS,ExternalIP. */
    preferredAddressTypes: listSetting('kubelet-preferred-address-types'),
    /** Removed in 1.22; HTTPS was the default. */
    https: boolSetting('kubelet-https', true),
  },
  ssh: {
    user: textSetting('ssh-user'),
    keyfile: textSetting('ssh-keyfile'),
  },
  egressSelectorConfigFile: textSetting('egress-selector-config-file'),
} as const;
