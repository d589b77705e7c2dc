/**
 * TLS settings the Kubernetes references call weak, shared by the API server and kubelet rules.
 * The cipher suites are the "Insecure values" of --tls-cipher-suites in the kubelet and kube-apiserver
 * references (both from k8s.io/component-base cli/flag ciphersuites_flag.go; k8s-facts §2).
 */
export const INSECURE_CIPHER_SUITES: ReadonlySet<string> = new Set([
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA',
  'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_RC4_128_SHA',
]);

/** Minimum versions below TLS 1.2. */
export const OLD_TLS_VERSIONS: ReadonlySet<string> = new Set(['VersionTLS10', 'VersionTLS11']);
