/**
 * Whether a certificate is valid for an address, as Go's crypto/x509 VerifyHostname decides it (the
 * check every Kubernetes client and the API server's kubelet client make): an IP matches an IP SAN
 * byte for byte, a name matches a DNS SAN case-insensitively, a wildcard only in the leftmost label and
 * for exactly one label; the Common Name is never used (Go 1.15+), so a certificate without SANs is
 * valid for nothing.
 */
import type { CertificateInfo } from '../ingest/x509';

/** True when `host` (a name, an IPv4 or IPv6 address, bracketed or not) is one of the certificate's SANs. */
export function certificateCovers(certificate: CertificateInfo, host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const ip = parseIp(bare);
  if (ip) return certificate.ipAddresses.some((san) => sameIp(parseIp(san), ip));
  const name = bare.toLowerCase().replace(/\.$/, '');
  return certificate.dnsNames.some((san) => dnsMatches(san.toLowerCase().replace(/\.$/, ''), name));
}

function dnsMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  if (!pattern.startsWith('*.')) return false;
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot) === pattern.slice(1);
}

/** The host of a URL such as `https://10.0.0.10:6443` or `https://[fd00::1]:6443`; undefined when it has none. */
export function hostOf(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]+\]|[^/:?#]+)/i.exec(url);
  return match?.[1];
}

/** The bytes of an IPv4 or IPv6 address (an IPv4-mapped IPv6 address as its 4 bytes); null for a name. */
export function parseIp(text: string): Uint8Array | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    return bytes.every((b) => b <= 255) ? Uint8Array.from(bytes) : null;
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  let head = text;
  let tail: number[] = [];
  const embedded = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (embedded?.[1]) {
    const four = parseIp(embedded[1]);
    if (!four) return null;
    tail = [...four];
    head = `${text.slice(0, embedded.index)}:0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return Uint8Array.from(mapped ? bytes.slice(12) : bytes);
}

function sameIp(a: Uint8Array | null, b: Uint8Array): boolean {
  return a !== null && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * The first address of a CIDR's range plus one, as text: the `kubernetes` Service's ClusterIP from
 * `--service-cluster-ip-range` (10.96.0.0/12 → 10.96.0.1). undefined when the CIDR does not parse.
 */
export function firstServiceIp(cidr: string): string | undefined {
  const [address, prefix] = cidr.trim().split('/');
  const ip = address ? parseIp(address) : null;
  const bits = Number(prefix);
  if (!ip || !Number.isInteger(bits) || bits < 0 || bits > ip.length * 8) return undefined;
  const network = ip.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return byte & (0xff << (8 - keep)) & 0xff;
  });
  for (let i = network.length - 1; i >= 0; i--) {
    network[i] = ((network[i] ?? 0) + 1) & 0xff;
    if (network[i] !== 0) break;
  }
  return formatIp(network);
}

function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  // RFC 5952: the longest run of two or more zero groups becomes ::
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (groups[start + length] === '0') length++;
    if (length > best.length) best = { start, length };
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}
