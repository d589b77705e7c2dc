/**
 * lint() over the test PKIs (openssl, at test time): the right kubeadm-like PKI gets no certificate
 * finding and verdicts that rest on its certificates; each broken PKI makes exactly the rule that names
 * its fault fire; and neither keys nor PEM bodies reach the report.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint';
import { RULES } from '../../../src/rules';
import { KEY_BLOCK, OPTIONS, konnectivity, kubeadm, pem, replace } from '../../support/pki-uploads';

/** The rules that read certificates: the new ones, and the two serving-certificate inferences. */
const CERTIFICATE_RULES = new Set([
  ...RULES.filter((rule) => rule.requires.includes('certificates')).map((rule) => rule.id),
  'private-key-uploaded',
  'kubelet-serving-cert-self-signed',
  'kubelet-serving-cert-unverifiable',
]);
/** The body of KEY_BLOCK: it must never appear in a report. */
const KEY_BODY = KEY_BLOCK.split('\n')[1] ?? '';
const run = (files: Array<{ name: string; content: string }>, asOf = OPTIONS.asOf) =>
  lint(files, { network: 'untrusted', kubernetesVersion: null, failOn: null, asOf });
const certificateFindings = async (files: Array<{ name: string; content: string }>) =>
  (await run(files)).findings.filter((f) => CERTIFICATE_RULES.has(f.ruleId)).map((f) => f.ruleId);

describe('the right kubeadm-like PKI', () => {
  it('gets no certificate finding, and verdicts that rest on its certificates', async () => {
    const report = await run(kubeadm());
    expect(report.findings.filter((f) => CERTIFICATE_RULES.has(f.ruleId))).toEqual([]);
    const basis = Object.fromEntries(report.paths.map((p) => [p.id, p.basis]));
    expect(basis).toEqual({
      'node-to-control-plane': 'certificates',
      'apiserver-to-kubelet': 'certificates',
      'apiserver-to-nodes-pods-services': 'flags',
      'ssh-tunnels': 'flags',
      konnectivity: 'flags',
    });
    expect(report.paths.find((p) => p.id === 'apiserver-to-kubelet')?.reason).toContain(
      "verified by the uploaded certificates (kubelet serving certificates, the API server's kubelet client certificate)",
    );
    expect(report.options).toMatchObject({ asOf: '2026-06-01T00:00:00.000Z', certificateWarningDays: 30 });
  });

  it('rests on flags when no certificate was uploaded, and says so', async () => {
    const report = await run(
      kubeadm().filter((f) => !/\.(crt|pem)$/.test(f.name) && !f.name.endsWith('kubelet.conf')),
    );
    const path = report.paths.find((p) => p.id === 'apiserver-to-kubelet');
    expect(path?.basis).toBe('flags');
    expect(path?.reason).toMatch(/; from flags; upload the certificates to verify$/);
  });

  it('verifies the konnectivity path through the agent CA and the server certificate', async () => {
    const report = await run(konnectivity());
    expect(report.findings.filter((f) => CERTIFICATE_RULES.has(f.ruleId))).toEqual([]);
    expect(report.coverage.evaluated).toContain('konnectivity-cert-untrusted');
  });
});

describe('each broken PKI makes the rule that names its fault fire', () => {
  it.each([
    ['certificate-expired', kubeadm({ apiserver: 'apiserver-expired' })],
    ['certificate-expiring-soon', kubeadm({ apiserver: 'apiserver-expiring' })],
    ['certificate-weak', kubeadm({ apiserver: 'apiserver-weak-key' })],
    ['certificate-weak', kubeadm({ apiserver: 'apiserver-sha1' })],
    ['certificate-usage-mismatch', kubeadm({ apiserver: 'apiserver-client-only' })],
    ['apiserver-serving-cert-untrusted', kubeadm({ apiserver: 'apiserver-other-ca' })],
    ['apiserver-serving-cert-name-mismatch', kubeadm({ apiserver: 'apiserver-no-service-ip' })],
    ['client-cert-untrusted', kubeadm({ kubeletClient: 'kubelet-client-other-ca' })],
    ['kubelet-client-cert-identity-invalid', kubeadm({ kubeletClient: 'kubelet-client-wrong-cn' })],
    ['kubelet-serving-cert-untrusted', kubeadm({ kubeletServing: 'kubelet-serving-other-ca' })],
    ['kubelet-serving-cert-name-mismatch', kubeadm({ kubeletServing: 'kubelet-serving-no-ip' })],
    ['kubelet-serving-cert-unverifiable', kubeadm({ kubeletServing: 'kubelet-self-signed' })],
    [
      'apiserver-kubelet-client-cert-untrusted',
      kubeadm({ apiserverKubeletClient: 'apiserver-kubelet-client-other-ca' }),
    ],
    [
      'apiserver-kubelet-client-unauthorized',
      kubeadm({ apiserverKubeletClient: 'apiserver-kubelet-client-no-rbac' }),
    ],
    ['konnectivity-cert-untrusted', konnectivity('other-ca')],
    [
      'private-key-uploaded',
      replace(
        kubeadm(),
        '/var/lib/kubelet/pki/kubelet-client-current.pem',
        pem('kubelet-client') + KEY_BLOCK,
      ),
    ],
  ])('%s', async (id, files) => {
    expect(await certificateFindings(files)).toEqual([id]);
  });

  it('the weak SHA-1 certificate is judged weak, not untrusted: Kubernetes still accepts SHA-1 chains it can check', async () => {
    expect(await certificateFindings(kubeadm({ apiserver: 'apiserver-sha1' }))).toEqual(['certificate-weak']);
  });

  it('an MD5 signature is weak and untrusted: Go refuses to check it', async () => {
    expect((await certificateFindings(kubeadm({ apiserver: 'apiserver-md5' }))).sort()).toEqual([
      'apiserver-serving-cert-untrusted',
      'certificate-weak',
    ]);
  });
});

describe('a lint with keys in the upload', () => {
  it('never puts a key or a PEM body in the report, and says what each certificate is used for', async () => {
    const files = replace(
      kubeadm(),
      '/var/lib/kubelet/pki/kubelet-client-current.pem',
      pem('kubelet-client') + KEY_BLOCK,
    );
    const report = await lint([...files, { name: '/etc/kubernetes/pki/sa.key', content: KEY_BLOCK }], {
      network: 'untrusted',
      kubernetesVersion: null,
      failOn: null,
      ...OPTIONS,
    });
    const text = JSON.stringify(report);
    expect(text).not.toContain(KEY_BODY);
    expect(text).not.toContain(pem('kubelet-client').split('\n')[2]);
    const ca = report.inputs.find((input) => input.file === '/etc/kubernetes/pki/ca.crt');
    expect(ca?.documents[0]?.note).toMatch(
      /^CN=kubernetes, issued by CN=kubernetes; used by kube-apiserver .* --client-ca-file=/,
    );
    expect(
      report.findings.filter((f) => f.ruleId === 'private-key-uploaded').map((f) => f.location.file),
    ).toEqual(['/etc/kubernetes/pki/sa.key', '/var/lib/kubelet/pki/kubelet-client-current.pem']);
  });

  it('lists a certificate no flag names as not read', async () => {
    const report = await lint(
      [...kubeadm(), { name: '/etc/kubernetes/pki/front-proxy-ca.crt', content: pem('other-ca') }],
      { network: 'untrusted', kubernetesVersion: null, failOn: null, ...OPTIONS },
    );
    const unread = report.inputs.find((input) => input.file === '/etc/kubernetes/pki/front-proxy-ca.crt');
    expect(unread?.documents[0]?.note).toBe('not named by any uploaded flag or field, so not read');
  });
});
