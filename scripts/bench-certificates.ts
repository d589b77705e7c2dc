/**
 * What reading and verifying certificates costs, warm, in Node and in workerd (the Worker's runtime):
 * per certificate read (src/ingest/x509.ts), per certificate read and signature checked (WebCrypto),
 * and a whole lint of the rules' kubeadm example with and without its certificates, and with a trust
 * store no flag names beside them; then static pods of many API servers that share one certificate.
 * The RSA-2048 PKI is made by openssl at run time (test/support/make-pki.sh, keys deleted), the P-256
 * one is the examples'. workerd is timed from
 * outside (its clocks stop while a request computes): the time of a request doing the work N times,
 * less that of one doing it 0 times, over N.
 *   npm run bench:certificates [-- ROUNDS]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { Budget } from '../src/ingest/budget';
import { readPem } from '../src/ingest/pem';
import { parseCertificate } from '../src/ingest/x509';
import { lint } from '../src/lint';
import { SignatureChecker } from '../src/model/certificates-signatures';
import { CERTIFICATE_EXAMPLES, EXAMPLE_AS_OF } from '../src/rules/support/example-certificates';
import { MiB, staticPods } from './bench/shapes';

const rounds = Number(process.argv[2] ?? 200);
const repo = new URL('../', import.meta.url).pathname;

// The PKIs: RSA-2048 as kubeadm makes them (openssl, now), and the examples' P-256 certificates.
const dir = mkdtempSync(join(tmpdir(), 'kcl-bench-pki-'));
let rsa: string[];
try {
  execFileSync('sh', [join(repo, 'test/support/make-pki.sh'), dir, 'rsa'], { stdio: 'ignore' });
  const names = [
    'ca',
    'apiserver',
    'apiserver-kubelet-client',
    'admin',
    'controller-manager',
    'kubelet-client',
    'kubelet-serving',
  ];
  rsa = names.map((name) => readFileSync(join(dir, `${name}.crt`), 'utf8'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const example = CERTIFICATE_EXAMPLES.kubeadm.files;
const ec = [
  ...new Set(
    example.filter((f) => f.content.startsWith('-----BEGIN CERTIFICATE-----')).map((f) => f.content),
  ),
];
const withoutCertificates = example.filter((f) => !/\.(crt|pem)$/.test(f.name));
// A trust store no flag names (a node's /etc/ssl/certs bundle): uploaded, counted, never bound.
const unbound = Array.from({ length: 12 }, () => rsa.join('')).join('');
const withTrustStore = [...example, { name: '/etc/ssl/certs/ca-certificates.crt', content: unbound }];
const unboundCount = 12 * rsa.length;

const ders = (pems: string[]) =>
  pems.flatMap((p) => readPem(p, new Budget()).certificates.flatMap((c) => (c.der ? [c.der] : [])));

async function median(run: () => unknown, n = rounds, warmup = Math.max(20, n / 10)): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const µs = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const lintOf = (files: typeof example) => () =>
  lint(files, { network: 'untrusted', kubernetesVersion: null, failOn: null, asOf: new Date(EXAMPLE_AS_OF) });

console.log(`Node ${process.version}, ${rounds} rounds, medians`);
for (const [label, pems] of [
  ['RSA-2048', rsa],
  ['P-256', ec],
] as const) {
  const set = ders(pems);
  const parse = await median(() => set.map((der) => parseCertificate(der)));
  const verify = await median(async () => {
    const infos = set.map((der) => parseCertificate(der));
    const checker = new SignatureChecker();
    for (const info of infos.slice(1)) if (infos[0]) await checker.check(info, infos[0]);
  });
  console.log(
    `  ${label}: read ${µs(parse / set.length)}/certificate; read and verify ${µs(verify / set.length)}/certificate (${set.length} certificates)`,
  );
}
const lintWith = await median(lintOf(example));
const lintWithout = await median(lintOf(withoutCertificates));
console.log(
  `  lint of the kubeadm example: ${µs(lintWith)} with its ${ec.length} certificates, ${µs(lintWithout)} without (+${µs((lintWith - lintWithout) / ec.length)}/certificate)`,
);
const lintStore = await median(lintOf(withTrustStore));
console.log(
  `  and with an unbound ${unboundCount}-certificate trust store: ${µs(lintStore)} (+${µs((lintStore - lintWith) / unboundCount)}/certificate)`,
);

// Many owners of one certificate: static pods of API servers that all name the uploaded apiserver.crt.
// Their lookups are by owner, so the lint should grow with the upload, not with its square.
const shared = example.filter((f) => /pki\/(apiserver|ca)\.crt$/.test(f.name));
// A lint of 5 MiB takes about a second: five rounds after one to warm up.
const podsWith = (mib: number) => median(lintOf([...staticPods(mib * MiB), ...shared]), 5, 1);
const [pods1, pods5] = [await podsWith(1), await podsWith(5)];
console.log(
  `  static pods naming one shared apiserver.crt: ${pods1.toFixed(0)} ms at 1 MiB, ${pods5.toFixed(0)} ms at 5 MiB (${(pods5 / pods1).toFixed(2)}x for 5x the bytes; median of 5)`,
);

// workerd: the same work in a Worker, bundled as wrangler bundles the real one.
const out = mkdtempSync(join(tmpdir(), 'kcl-bench-worker-'));
try {
  execFileSync(
    'npx',
    [
      'wrangler',
      'deploy',
      '--dry-run',
      '--minify',
      '--outdir',
      out,
      '--name',
      'bench',
      '--compatibility-date',
      '2026-04-01',
      join(repo, 'scripts/bench/certificate-worker.ts'),
    ],
    { stdio: 'ignore', cwd: repo },
  );
  // The bundle given as text: with a scriptPath, workerd refuses the bundle's source-map path outside its folder.
  const mf = new Miniflare({
    modules: true,
    script: readFileSync(join(out, 'certificate-worker.js'), 'utf8'),
    compatibilityDate: '2026-04-01',
  });
  const call = async (op: string, n: number, pems: string[], uploads: typeof example = []) => {
    const body = JSON.stringify({ op, rounds: n, pems, uploads, asOf: EXAMPLE_AS_OF });
    const start = performance.now();
    await (await mf.dispatchFetch('http://bench/', { method: 'POST', body })).text();
    return performance.now() - start;
  };
  const perRound = async (op: string, pems: string[], uploads: typeof example = [], n = 50) => {
    for (let i = 0; i < 3; i++) await call(op, n, pems, uploads);
    const times: number[] = [];
    for (let i = 0; i < 7; i++)
      times.push((await call(op, n, pems, uploads)) - (await call(op, 0, pems, uploads)));
    times.sort((a, b) => a - b);
    return (times[3] ?? NaN) / n;
  };
  console.log('workerd (Miniflare), warm, median of 7 requests of 50 rounds less one of 0');
  for (const [label, pems] of [
    ['RSA-2048', rsa],
    ['P-256', ec],
  ] as const) {
    const count = ders(pems).length;
    const parse = await perRound('parse', pems);
    const verify = await perRound('verify', pems);
    console.log(
      `  ${label}: read ${µs(parse / count)}/certificate; read and verify ${µs(verify / count)}/certificate`,
    );
  }
  const wWith = await perRound('lint', [], example, 20);
  const wWithout = await perRound('lint', [], withoutCertificates, 20);
  console.log(
    `  lint of the kubeadm example: ${µs(wWith)} with its ${ec.length} certificates, ${µs(wWithout)} without (+${µs((wWith - wWithout) / ec.length)}/certificate)`,
  );
  const wStore = await perRound('lint', [], withTrustStore, 20);
  console.log(
    `  and with an unbound ${unboundCount}-certificate trust store: ${µs(wStore)} (+${µs((wStore - wWith) / unboundCount)}/certificate)`,
  );
  await mf.dispose();
} finally {
  rmSync(out, { recursive: true, force: true });
}
