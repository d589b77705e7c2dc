/**
 * Uploads may hold private keys, tokens and passwords. Everything a finding quotes passes through here
 * before it leaves the Worker, so a secret is never echoed back even if a rule quotes carelessly.
 */
const PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*-----[\s\S]*?(-----END [A-Z0-9 ]*-----|$)/g, // PEM blocks (keys and certificates)
  /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, // JWTs: service-account and OIDC tokens
  /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g, // kubeadm bootstrap tokens
  /\b[A-Za-z0-9+/]{40,}={0,2}/g, // long base64: *-data fields, encoded keys
];

/** `token: x`, `--token=x`, `password: x`, `client-key-data: x`: the value after a secret-looking name. */
const SECRET_ASSIGNMENT =
  /((?:^|[\s"'{,-])(?:token|password|passwd|secret|client-key-data|client-key|private-key|bearer|api-key|apikey)[\w-]*["']?\s*[:=]\s*["']?)([^\s"',;}]+)/gi;

export function redact(text: string): string {
  let result = text.replace(SECRET_ASSIGNMENT, (_, name: string) => `${name}[redacted]`);
  for (const pattern of PATTERNS) result = result.replace(pattern, '[redacted]');
  return result;
}
