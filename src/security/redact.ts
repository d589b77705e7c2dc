/**
 * Uploads may hold private keys, tokens and passwords. Everything a finding quotes passes through here
 * before it leaves the Worker, so a secret is never echoed back even if a rule quotes carelessly.
 * It must not hide what a user needs to act on either: flag names, booleans, numbers and file paths stay.
 */
const PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*-----[\s\S]*?(-----END [A-Z0-9 ]*-----|$)/g, // PEM blocks (keys and certificates)
  /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, // JWTs: service-account and OIDC tokens
  /\b[a-z0-9]{6}\.[a-z0-9]{16}\b/g, // kubeadm bootstrap tokens
];

/** Long base64 (`*-data` fields, encoded keys), told apart from long paths by its mixed alphabet. */
const BASE64_RUN = /\b[A-Za-z0-9+/]{40,}={0,2}/g;

/**
 * `token: x`, `--token=x`, `password: x`, `client-key-data: x`: the value of a setting whose name ends
 * in a secret word (so `--token-auth-file` and `--enable-bootstrap-token-auth` are not secrets).
 */
const SECRET_ASSIGNMENT =
  /((?:^|[\s"'{,(])-{0,2}[\w-]*?(?:token|password|passwd|secret|client-key-data|client-key|private-key|bearer|api-key|apikey)["']?\s*[:=]\s*["']?)([^\s"',;})]+)/gi;

/** Values that cannot be secrets: booleans, numbers and file paths. */
const HARMLESS_VALUE = /^(true|false|yes|no|null|\d+|\.{0,2}\/.*)$/i;

export function redact(text: string): string {
  let result = text.replace(SECRET_ASSIGNMENT, (whole, name: string, value: string) =>
    HARMLESS_VALUE.test(value) ? whole : `${name}[redacted]`,
  );
  for (const pattern of PATTERNS) result = result.replace(pattern, '[redacted]');
  return result.replace(BASE64_RUN, (run) => (looksLikeBase64(run) ? '[redacted]' : run));
}

function looksLikeBase64(run: string): boolean {
  const slashes = run.split('/').length - 1;
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run) && slashes <= run.length / 16;
}
