/**
 * The certificate model against an openssl PKI: the fields read from each certificate, "signed by" as
 * WebCrypto says it for every algorithm Kubernetes PKIs use, chains, and the binding of each file to
 * the flag or field that names it.
 */
import { describe, expect, it } from 'vitest';
import { Budget } from '../../../src/ingest/budget';
import { readPem } from '../../../src/ingest/pem';
import { CertificateError, certificateOf, parseCertificate } from '../../../src/ingest/x509';
import { Certificates, type CertificateBundle } from '../../../src/model/certificates';
import type { CertificateBinding } from '../../../src/model/certificates-binding';
import { buildClusterModel } from '../../../src/model/cluster-model';
import { bindingsOf } from '../../../src/rules/support/certificate-findings';
import {
  konnectivityAgent,
  konnectivityServer,
  staticPod,
  withHostPaths,
} from '../../../src/rules/support/examples';
import { ingestAll } from '../../support/ingest';
import { AS_OF, kubeadm, pem } from '../../support/pki-uploads';

const info = (name: string) =>
  parseCertificate(readPem(pem(name), new Budget()).certificates[0]?.der as Uint8Array<ArrayBuffer>);

async function model(files: Array<{ name: string; content: string }>) {
  const built = buildClusterModel(ingestAll(files), {
    network: 'untrusted',
    kubernetesVersion: null,
    asOf: AS_OF,
  });
  await built.certificates.verify();
  return built;
}

/** A bundle of the named certificates, outside any upload. */
function bundle(name: string, ...certs: string[]): CertificateBundle {
  const content = readPem(certs.map(pem).join(''), new Budget());
  return {
    name,
    file: name,
    certificates: content.certificates.map((block) => ({
      location: {
        file: name,
        line: block.line,
        column: 1,
        pointer: '',
        document: block.index,
        default: false,
      },
      index: block.index,
      count: content.certificates.length,
      der: block.der,
      problem: block.problem,
    })),
  };
}

describe('the fields of a certificate', () => {
  it("reads the API server's certificate as openssl made it", () => {
    const apiserver = info('apiserver');
    expect(apiserver).toMatchObject({
      version: 3,
      subject: { text: 'CN=kube-apiserver', commonName: 'kube-apiserver', organizations: [] },
      issuer: { text: 'CN=kubernetes' },
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2035-01-01T00:00:00Z'),
      dnsNames: [
        'control-plane-1',
        'kubernetes',
        'kubernetes.default',
        'kubernetes.default.svc',
        'kubernetes.default.svc.cluster.local',
      ],
      ipAddresses: ['10.96.0.1', '10.0.0.10'],
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['serverAuth'],
      basicConstraints: { ca: false },
      publicKey: { algorithm: 'RSA', bits: 2048, curve: null },
      signatureAlgorithm: { name: 'sha256WithRSAEncryption', keyType: 'RSA', hash: 'SHA-256', pss: null },
    });
    expect(apiserver.serialNumber).toMatch(/^[0-9a-f]+$/);
  });

  it('prints names as Go does, most specific first, and keeps every O', () => {
    expect(info('admin').subject).toMatchObject({
      text: 'CN=kubernetes-admin,O=kubeadm:cluster-admins',
      commonName: 'kubernetes-admin',
      organizations: ['kubeadm:cluster-admins'],
    });
    expect(info('ca').basicConstraints).toEqual({ ca: true });
  });

  it('reads key sizes, curves and signature parameters', () => {
    expect(info('apiserver-weak-key').publicKey.bits).toBe(1024);
    expect(info('algo-p192-key').publicKey).toMatchObject({ algorithm: 'EC', curve: 'P-192', bits: 192 });
    expect(info('algo-p521-ca').publicKey).toMatchObject({ curve: 'P-521', bits: 521 });
    expect(info('algo-ed25519-ca').publicKey.algorithm).toBe('Ed25519');
    expect(info('algo-pss-key-ca').publicKey.algorithm).toBe('RSA-PSS');
    expect(info('algo-rsa-pss-32').signatureAlgorithm).toMatchObject({
      name: 'RSASSA-PSS',
      hash: 'SHA-256',
      pss: { mgf1Hash: 'SHA-256', saltLength: 32, trailerField: 1 },
    });
    expect(info('algo-rsa-pss-max').signatureAlgorithm.pss?.saltLength).toBe(2048 / 8 - 48 - 2);
    expect(info('apiserver-md5').signatureAlgorithm.hash).toBe('MD5');
  });

  it('reads UTCTime years before 2050 and GeneralizedTime from 2050', () => {
    expect(info('algo-until-2049').notAfter).toEqual(new Date('2049-12-31T23:59:59Z'));
    expect(info('algo-until-2050').notAfter).toEqual(new Date('2050-01-01T00:00:00Z'));
    expect(info('apiserver-expired').notBefore).toEqual(new Date('2024-01-01T00:00:00Z'));
  });

  it('refuses what is not a certificate', () => {
    expect(() => parseCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow(
      'not a DER X.509 certificate',
    );
  });

  it('reads the bytes of a PEM block once: ingest and the model share what it says, error or fields', () => {
    const der = readPem(pem('apiserver'), new Budget()).certificates[0]?.der as Uint8Array<ArrayBuffer>;
    const first = certificateOf(der);
    expect(first).not.toBeInstanceOf(CertificateError);
    expect(certificateOf(der)).toBe(first);
    // Other bytes of the same certificate are read for themselves.
    expect(certificateOf(der.slice())).not.toBe(first);
    const garbage = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
    const refused = certificateOf(garbage);
    expect(refused).toBeInstanceOf(CertificateError);
    expect(certificateOf(garbage)).toBe(refused);
  });
});

/** A store of the given bundles, each bound (as a kubeconfig CA: the role does not matter here). */
function boundStore(...bundles: CertificateBundle[]): Certificates {
  const store = new Certificates(bundles, []);
  for (const b of bundles) {
    store.bindings.push({
      role: 'kubeconfig-ca',
      use: 'ca',
      path: 'node-to-control-plane',
      owner: { kind: 'component', component: {} as never },
      ownerName: 'a test',
      setting: 'a test',
      location: { file: b.file, line: 1, column: 1, pointer: '', document: 0, default: false },
      bundle: b,
      missing: undefined,
    });
  }
  return store;
}

async function storeOf(...bundles: CertificateBundle[]): Promise<Certificates> {
  const store = boundStore(...bundles);
  await store.verify();
  return store;
}

describe('signed by', () => {
  it.each([
    ['apiserver', 'ca', 'RSA PKCS#1 v1.5 SHA-256'],
    ['apiserver-sha1', 'ca', 'SHA-1'],
    ['algo-rsa-pss-32', 'ca', 'RSA-PSS, salt 32'],
    ['algo-rsa-pss-max', 'ca', 'RSA-PSS SHA-384, the largest salt'],
    ['algo-by-pss-key', 'algo-pss-key-ca', 'an id-RSASSA-PSS issuer key'],
    ['algo-p256-by-p384', 'algo-p384-ca', 'ECDSA P-384 SHA-384: DER to P1363'],
    ['algo-rsa-by-p521', 'algo-p521-ca', 'ECDSA P-521 SHA-512: 66-byte halves'],
    ['algo-by-ed25519', 'algo-ed25519-ca', 'Ed25519'],
  ])('%s chains to %s (%s)', async (leaf, issuer) => {
    const store = await storeOf(bundle('leaf', leaf), bundle('roots', issuer));
    const [leafBundle, roots] = store.bundles as [CertificateBundle, CertificateBundle];
    expect(store.trust(leafBundle, roots).trusted).toBe(true);
  });

  it('tells apart two CAs with the same name by their keys', async () => {
    const store = await storeOf(bundle('leaf', 'apiserver-other-ca'), bundle('roots', 'ca'));
    const [leaf, roots] = store.bundles as [CertificateBundle, CertificateBundle];
    expect(store.trust(leaf, roots)).toEqual({
      trusted: false,
      reason:
        'roots holds a CA named CN=kubernetes, but its key does not verify the signature of CN=kube-apiserver: another CA of the same name signed it',
    });
  });

  it('never calls an MD5 signature valid, in workerd (which would verify it) as in Node', async () => {
    const store = await storeOf(bundle('leaf', 'apiserver-md5'), bundle('roots', 'ca'));
    const [leaf, roots] = store.bundles as [CertificateBundle, CertificateBundle];
    expect(store.trust(leaf, roots)).toMatchObject({
      trusted: false,
      reason: expect.stringContaining('MD5'),
    });
  });

  it('follows the intermediates in the leaf file, and only those', async () => {
    const store = await storeOf(
      bundle('chain', 'signed-by-intermediate', 'intermediate-ca'),
      bundle('leaf alone', 'signed-by-intermediate'),
      bundle('roots', 'ca'),
    );
    const [chain, alone, roots] = store.bundles as [CertificateBundle, CertificateBundle, CertificateBundle];
    expect(store.trust(chain, roots)).toMatchObject({ trusted: true });
    expect(store.trust(alone, roots)).toMatchObject({
      trusted: false,
      reason: expect.stringContaining('is issued by CN=intermediate-ca, which is not in roots'),
    });
  });

  it('says a certificate is its own issuer when it or a CA in its own file signed it', async () => {
    const store = await storeOf(
      bundle('kubelet.crt', 'kubelet-self-signed'),
      bundle('served', 'kubelet-serving'),
    );
    const [own, served] = store.bundles as [CertificateBundle, CertificateBundle];
    expect(store.issuedWithin(own)).toBe(true);
    expect(store.issuedWithin(served)).toBe(false);
  });

  it('is read only after verify()', () => {
    const store = boundStore(bundle('leaf', 'apiserver'));
    expect(() => store.info(store.bundles[0]?.certificates[0] as never)).toThrow('call verify()');
  });
});

describe('binding a certificate to the flag or field that names it', () => {
  it('binds every kubeadm file to its role, once per setting', async () => {
    const m = await model(kubeadm());
    expect(m.certificates.bindings.map((b) => `${b.role} ${b.bundle?.name ?? b.missing}`)).toEqual([
      'apiserver-serving /etc/kubernetes/pki/apiserver.crt',
      'apiserver-client-ca /etc/kubernetes/pki/ca.crt',
      'apiserver-kubelet-ca /etc/kubernetes/pki/ca.crt',
      'apiserver-kubelet-client /etc/kubernetes/pki/apiserver-kubelet-client.crt',
      'controller-manager-root-ca /etc/kubernetes/pki/ca.crt',
      'kubelet-client-ca /etc/kubernetes/pki/ca.crt',
      'kubelet-serving /var/lib/kubelet/pki/kubelet-server-current.pem',
      'kubeconfig-ca /etc/kubernetes/kubelet.conf certificate-authority-data',
      'kubeconfig-client /var/lib/kubelet/pki/kubelet-client-current.pem',
    ]);
  });

  it("gives the rules each owner's bindings, and a binding added after they asked", async () => {
    const m = await model(kubeadm());
    const holder = (b: CertificateBinding) => Object.values(b.owner).find((v) => typeof v === 'object');
    const owners = [...new Set(m.certificates.bindings.map(holder))];
    expect(new Set(m.certificates.bindings.map((b) => b.owner.kind)).size).toBe(4);
    for (const binding of m.certificates.bindings) {
      for (const owner of owners) {
        const found = bindingsOf(m, binding.role, owner as object);
        expect(found.includes(binding)).toBe(owner === holder(binding));
      }
    }
    const server = m.apiServers[0]!;
    const [serving] = bindingsOf(m, 'apiserver-serving', server) as [CertificateBinding];
    const later = { ...serving, role: 'kubeconfig-ca' } as const;
    m.certificates.bindings.push(later);
    expect(bindingsOf(m, 'kubeconfig-ca', server)).toEqual([later]);
  });

  it("reads a static pod's paths through its hostPath volumes, and each node's files as its own", async () => {
    const pod = withHostPaths(staticPod('kube-apiserver', ['--tls-cert-file=/certs/apiserver.crt']), [
      { name: 'k8s-certs', path: '/certs', type: 'DirectoryOrCreate' },
    ]);
    const hostPod = {
      ...pod,
      content: pod.content.replace('      path: /certs', '      path: /etc/kubernetes/pki'),
    };
    const m = await model([
      { name: 'cp-1/etc/kubernetes/manifests/kube-apiserver.yaml', content: hostPod.content },
      { name: 'cp-1/etc/kubernetes/pki/apiserver.crt', content: pem('apiserver') },
      { name: 'cp-2/etc/kubernetes/pki/apiserver.crt', content: pem('apiserver-other-ca') },
    ]);
    expect(m.certificates.bindings.map((b) => b.bundle?.name)).toEqual([
      'cp-1/etc/kubernetes/pki/apiserver.crt',
    ]);
  });

  it('gives the konnectivity-agent the service account CA: kube-controller-manager --root-ca-file', async () => {
    const m = await model([
      staticPod('kube-controller-manager', ['--root-ca-file=/etc/kubernetes/pki/ca.crt']),
      { name: '/etc/kubernetes/pki/ca.crt', content: pem('ca') },
      konnectivityServer(['--cluster-cert=/etc/kubernetes/pki/apiserver.crt']),
      konnectivityAgent(['--ca-cert=/var/run/secrets/kubernetes.io/serviceaccount/ca.crt']),
    ]);
    const agent = m.certificates.bindings.find((b) => b.role === 'konnectivity-agent-ca');
    expect(agent?.bundle?.name).toBe('/etc/kubernetes/pki/ca.crt');
    expect(agent?.setting).toContain("the service account's CA");
  });
});
