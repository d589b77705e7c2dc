/**
 * Uploads made of the test PKI (test/support/pki-setup.ts, openssl at test time): the right kubeadm-like
 * upload of the rules' examples with any place swapped for a broken certificate, judged at AS_OF.
 */
import { inject } from 'vitest';
import {
  RIGHT_PKI,
  konnectivityUpload,
  kubeadmUpload,
  type Pki,
} from '../../src/rules/support/example-certificates';
import type { RuleExample } from '../../src/engine/rule';

/** The openssl PKI's certificates by name (make-pki.sh): RSA-2048, fixed validity. */
export const PKI = inject('pki');
/** When the test PKI is judged: its right certificates are valid from 2025 to 2035. */
export const AS_OF = new Date('2026-06-01T00:00:00Z');
export const OPTIONS = { asOf: AS_OF };

type Files = RuleExample['files'];

/** The right upload, or one with some places swapped (`{ apiserver: 'apiserver-other-ca' }`). */
export function kubeadm(swap: Partial<Pki> = {}, extra: Files = []): Files {
  return kubeadmUpload({ ...RIGHT_PKI, ...swap }, extra, PKI).files;
}

/** The setup-konnectivity upload; the agent trusts `agentCa` (a certificate's name) or the service account's CA. */
export function konnectivity(agentCa = 'serviceAccount'): Files {
  return konnectivityUpload(agentCa, PKI).files;
}

/** The PEM of a certificate of the test PKI. */
export function pem(name: string): string {
  const found = PKI[name];
  if (!found) throw new Error(`no certificate ${name} in the test PKI`);
  return found;
}

/** Replaces the content of the file `name` in `files`. */
export function replace(files: Files, name: string, content: string): Files {
  return files.map((file) => (file.name === name ? { name, content } : file));
}

/**
 * A private key block as the kubelet's *-current.pem files hold one after the certificate. It is a
 * stand-in, not a key (the body is not even base64 of one): the reader must drop it by its label alone.
 */
export const KEY_BLOCK =
  '-----BEGIN EC PRIVATE KEY-----\nbm90IGEga2V5LCBhIHN0YW5kLWluIGZvciBvbmU=\n-----END EC PRIVATE KEY-----\n';

const KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';

/**
 * The right upload with a kubelet that neither bootstraps nor names its serving certificate, so it
 * serves <cert-dir>/kubelet.crt, uploaded as `servingCert`; `verifying` false drops the API server's
 * --kubelet-certificate-authority.
 */
export function kubeletServingOwnFile(servingCert: string, verifying = true): Files {
  return kubeadm()
    .filter((file) => !file.name.endsWith('/kubelet-server-current.pem'))
    .map((file) => {
      if (file.name === KUBELET_CONFIG)
        return { ...file, content: file.content.replace('serverTLSBootstrap: true\n', '') };
      if (!verifying && file.name.endsWith('/kube-apiserver.yaml'))
        return { ...file, content: file.content.replace(/ {4}- --kubelet-certificate-authority=.*\n/, '') };
      return file;
    })
    .concat({ name: '/var/lib/kubelet/pki/kubelet.crt', content: pem(servingCert) });
}
