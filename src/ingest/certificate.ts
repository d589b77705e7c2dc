/**
 * Whether a PEM certificate file (the kubelet's `<cert-dir>/kubelet.crt`) is self-signed. Without
 * tlsCertFile the kubelet serves that file when it exists, and when it does not, writes one itself
 * (InitializeTLS, kubernetes cmd/kubelet/app/server.go) with client-go's
 * GenerateSelfSignedCertKeyWithOptions (util/cert/cert.go): a leaf signed by a throwaway CA named
 * `<host>-ca@<unix time>`, the leaf then that CA in the file. So the file's presence alone does not
 * say that a CA signed it: its content does.
 */
import type { PemContent } from './pem';
import { CertificateError, certificateOf, type CertificateInfo } from './x509';

export interface UploadedCertificate {
  /** How many certificates the file holds. */
  count: number;
  /** The first one's issuer is its subject, or the file is the kubelet's own generated pair. */
  selfSigned: boolean;
}

/** What a PEM file's certificates say; undefined when it holds none, or one cannot be read. */
export function uploadedCertificate(pem: PemContent): UploadedCertificate | undefined {
  const parsed: CertificateInfo[] = [];
  for (const { der } of pem.certificates) {
    const read = der && certificateOf(der);
    if (!read || read instanceof CertificateError) return undefined;
    parsed.push(read);
  }
  const [leaf] = parsed;
  if (!leaf) return undefined;
  const kubeletGenerated = parsed.some((c) => /-ca@\d{9,}$/.test(c.issuer.commonName ?? ''));
  return { count: parsed.length, selfSigned: kubeletGenerated || leaf.issuer.der === leaf.subject.der };
}
