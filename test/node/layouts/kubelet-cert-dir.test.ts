/**
 * The kubelet's --cert-dir: without tlsCertFile it serves <cert-dir>/kubelet.crt when that file
 * exists, and writes a self-signed pair there only when it does not (InitializeTLS, kubernetes
 * cmd/kubelet/app/server.go). So an uploaded kubelet.crt decides by its content: one a CA signed is
 * not self-signed; the kubelet's own generated pair (client-go's throwaway `<host>-ca@<unix>` CA) or
 * any self-signed certificate is. Certificates are made at test time with openssl (no key is kept).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import type { Upload } from '../../../src/ingest';
import { microk8sArgs } from '../../support/corpus-files';

const dir = mkdtempSync(join(tmpdir(), 'kcl-certs-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const pem = (name: string) => readFileSync(join(dir, name), 'utf8');

/** A self-signed certificate with subject `cn`. */
function selfSignedAs(name: string, cn: string): void {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${cn}`,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
  );
}
/** A leaf `cn` signed by the CA `ca`. */
function signedBy(name: string, cn: string, ca: string): void {
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${cn}`,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
  );
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    `${name}.crt`,
  );
}

selfSignedAs('ca', 'microk8s-ca');
signedBy('issued', 'system:node:node-1', 'ca');
selfSignedAs('self', 'node-1');
// What the kubelet writes itself: a leaf signed by a throwaway CA, then that CA.
selfSignedAs('throwaway', 'node-1-ca@1767225600');
signedBy('generated', 'node-1@1767225600', 'throwaway');

const microk8s = (): Upload[] => microk8sArgs();
const certificate = (content: string): Upload => ({
  name: '/var/snap/microk8s/current/certs/kubelet.crt',
  content,
});
// MicroK8s' API server verifies kubelets (--kubelet-certificate-authority): a self-signed kubelet
// certificate there is one it rejects.
const selfSignedFinding = async (uploads: Upload[]) =>
  (await lint(uploads)).findings.find((f) => f.ruleId === 'kubelet-serving-cert-unverifiable');

describe('the kubelet serves <cert-dir>/kubelet.crt when it exists (MicroK8s, --cert-dir=${SNAP_DATA}/certs)', () => {
  it('MicroK8s writes a CA-signed kubelet.crt there: not self-signed, so the API server can verify it', async () => {
    expect(await selfSignedFinding(microk8s())).toBeUndefined();
  });

  it('an uploaded kubelet.crt a CA signed: not self-signed, and the report says so', async () => {
    const report = await lint([...microk8s(), certificate(pem('issued.crt'))]);
    expect(report.findings.some((f) => f.ruleId.startsWith('kubelet-serving-cert'))).toBe(false);
    expect(report.inputs.at(-1)?.documents[0]).toMatchObject({ kind: 'Certificate', recognized: true });
    // The certificate reader names its issuer (a CA, not itself) and the kubelet that serves it.
    expect(report.inputs.at(-1)?.documents[0]?.note).toContain('issued by CN=microk8s-ca; used by kubelet');
  });

  it.each([
    ['a self-signed kubelet.crt', 'self.crt'],
    ['the kubelet’s own generated pair (leaf, then its throwaway CA)', 'generated.crt'],
  ])(
    '%s: self-signed, whatever the layout is known to write: the API server rejects it',
    async (_name, file) => {
      const content = file === 'generated.crt' ? pem('generated.crt') + pem('throwaway.crt') : pem(file);
      const finding = await selfSignedFinding([...microk8s(), certificate(content)]);
      // Located at the certificate that shows it.
      expect(finding?.location.file).toBe('/var/snap/microk8s/current/certs/kubelet.crt');
    },
  );

  it('a file that is not a certificate proves nothing', async () => {
    const report = await lint([
      ...microk8s(),
      certificate('-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n'),
    ]);
    expect(report.inputs.at(-1)?.documents[0]).toMatchObject({ kind: 'Certificate', recognized: false });
  });
});
