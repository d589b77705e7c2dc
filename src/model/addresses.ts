/** True for a bind address only the node itself reaches: 127.0.0.0/8, ::1 (bracketed or not) and localhost. */
export function isLoopback(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '');
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'localhost';
}
