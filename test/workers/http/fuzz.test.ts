/**
 * Property-based fuzzing of every upload form through workerd (issue 12), with fast-check and a fixed
 * seed so a failure replays: raw bodies of every media type, multipart, the JSON envelope, the web form
 * and its downloads, other methods; every option, valid or not, and the Accept header; configurations
 * from real shapes broken by YAML's sharp edges (anchors, aliases, tags, merge keys, complex keys,
 * markers, tabs, control characters). Whatever arrives: never a 5xx, every API 4xx a problem+json (but
 * 422, which is the report in the format asked for), and
 * no canary secret planted in the upload comes back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/schemas/lint-request';
import { call } from '../../support/http';

const SEED = 1212;
const RUNS = 300;

/** A secret planted in the upload: `kcl` and 16 hex digits, different in every run. */
const canaryArb = fc
  .uint8Array({ minLength: 8, maxLength: 8 })
  .map((bytes) => `kcl${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`);

/** Documents that hold the canary where a secret lives, or where a parse error would quote it. */
const secretDocs = (canary: string): string[] => [
  `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://admin:${canary}@10.0.0.1:6443\nusers:\n- name: system:node:n1\n  user:\n    token: ${canary}\n    password: ${canary}\n`,
  `apiVersion: apiserver.k8s.io/v1beta1\nkind: EgressSelectorConfiguration\negressSelections:\n- name: cluster\n  connection:\n    proxyProtocol: HTTPConnect\n    transport:\n      tcp:\n        url: http://u:${canary}@10.0.0.5:8131\n`,
  `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - command: [kube-apiserver, --token-auth-file=/t.csv, "--etcd-servers=https://root:${canary}@127.0.0.1:2379", --oidc-client-secret=${canary}]\n    image: registry.k8s.io/kube-apiserver:v1.31.2\n`,
  `a: *${canary}\n`,
  `a: !${canary}!x v\n`,
  `a: !<${canary}^> v\n`,
  `/usr/bin/kubelet --bootstrap-token=${canary} --read-only-port=10255\n`,
];

/** Real shapes, without secrets: the material the noise breaks. */
const SHAPES = [
  'apiVersion: v1\nkind: Pod\nmetadata: {name: kube-apiserver, namespace: kube-system}\nspec:\n  containers:\n  - name: kube-apiserver\n    image: registry.k8s.io/kube-apiserver:v1.31.2\n    command: [kube-apiserver, --anonymous-auth=true, --authorization-mode=AlwaysAllow]\n',
  'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\nauthentication:\n  anonymous: {enabled: true}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kubelet-config, namespace: kube-system}\ndata:\n  kubelet: |\n    apiVersion: kubelet.config.k8s.io/v1beta1\n    kind: KubeletConfiguration\n    readOnlyPort: 10255\n',
  '{"apiVersion": "hostdata.kubescape.cloud/v1beta0", "kind": "KubeletInfo", "data": {"cmdLine": "kubelet --config=/c.yaml", "configFile": {"content": "cmVhZE9ubHlQb3J0OiAxMDI1NQo="}}}',
  'apiVersion: v1\nkind: List\nitems:\n- &p {apiVersion: v1, kind: Pod, spec: {containers: [{command: [kube-apiserver]}]}}\n- *p\n',
  'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\napiServer:\n  extraArgs: {anonymous-auth: "true"}\n',
  'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock --read-only-port=10255"\n',
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: x}\nrules:\n- {apiGroups: [""], resources: [nodes/proxy], verbs: ["*"]}\n',
];

/** YAML's sharp edges, and bytes no configuration holds. */
const EDGES = [
  '&a ',
  '*a',
  '*b',
  '!!int ',
  '!!binary ',
  '!x ',
  '? ',
  ': ',
  '<<: *a\n',
  '- ',
  '---\n',
  '...\n',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '|\n',
  '>-\n',
  '\t',
  '\u0000',
  '\u001b[31m',
  '\ufeff',
  '__proto__',
  'constructor',
  'kind: List\n',
  'items: [',
  '0x1F',
  '0777',
  'yes',
  '~',
  '\\',
  '#',
  '%YAML 1.1\n',
  'é',
  '😀',
  '\r\n',
];

/** A shape cut and spliced with edges: still mostly YAML, often broken. */
const noiseArb = fc
  .tuple(
    fc.constantFrom(...SHAPES),
    fc.array(fc.tuple(fc.nat(400), fc.constantFrom(...EDGES), fc.nat(3)), { maxLength: 6 }),
  )
  .map(([shape, edits]) =>
    edits.reduce((text, [at, edge, cut]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + edge + text.slice(i + cut);
    }, shape),
  );

/** A file: a secret document and noise, each its own YAML document so noise cannot move the secret. */
const fileArb = (canary: string) =>
  fc
    .tuple(
      fc.subarray(secretDocs(canary), { maxLength: 2 }),
      fc.array(noiseArb, { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([secrets, noise, secretFirst]) => (secretFirst ? [...secrets, ...noise] : [...noise, ...secrets]))
    .map((docs) => docs.join('\n---\n'));

const optionsArb = fc.record(
  {
    network: fc.constantFrom('untrusted', 'trusted', 'public', ''),
    kubernetesVersion: fc.constantFrom('1.31', 'v1.29.3', '1.18', 'latest', '2.0'),
    failOn: fc.constantFrom('critical', 'high', 'low', 'info', 'severe'),
    format: fc.constantFrom(...FORMATS, 'pdf', 'constructor', '__proto__'),
    rules: fc.constantFrom('kubelet-read-only-port-enabled', 'no-such-rule', 'toString', 'a,,b'),
    skipRules: fc.constantFrom(
      'apiserver-anonymous-auth',
      'proxy-traffic-unprotected,removed-flag',
      '__proto__',
    ),
    color: fc.constantFrom('true', 'false', 'maybe'),
    filename: fc.constantFrom('/etc/kubernetes/manifests/kube-apiserver.yaml', 'body.json', '../x', ''),
  },
  { requiredKeys: [] },
);

const acceptArb = fc.constantFrom(
  undefined,
  'application/json',
  'application/sarif+json',
  'text/plain',
  'application/xml',
  'text/markdown',
  'image/svg+xml',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'x/y;q=abc',
);

interface Sent {
  path: string;
  init: RequestInit;
  /** Form paths answer their 4xx as HTML pages. */
  page: boolean;
}

const query = (options: Record<string, string>) => {
  const params = new URLSearchParams(options).toString();
  return params ? `?${params}` : '';
};

const requestArb = (canary: string, realReport: string): fc.Arbitrary<Sent> =>
  fc.oneof(
    // A raw body, of any media type we accept or not.
    fc
      .tuple(
        fileArb(canary),
        fc.constantFrom(
          'application/yaml',
          'text/plain',
          'application/json',
          'application/octet-stream',
          'text/yaml',
          'image/png',
          'application/x-www-form-urlencoded',
          '',
        ),
        optionsArb,
        acceptArb,
      )
      .map(([body, type, options, accept]) => ({
        path: `/v1/lint${query(options)}`,
        init: {
          method: 'POST',
          body,
          headers: { ...(type ? { 'Content-Type': type } : {}), ...(accept ? { Accept: accept } : {}) },
        },
        page: false,
      })),
    // multipart/form-data: files named as on the node, option fields beside them.
    fc
      .tuple(
        fc.array(
          fc.tuple(fc.constantFrom('/etc/kubernetes/kubelet.conf', 'a.yaml', '', 'x/../y'), fileArb(canary)),
          { maxLength: 4 },
        ),
        optionsArb,
      )
      .map(([files, options]) => {
        const form = new FormData();
        for (const [name, content] of files) form.append('file', new File([content], name));
        for (const [key, value] of Object.entries(options)) form.append(key, value);
        return { path: '/v1/lint', init: { method: 'POST', body: form }, page: false };
      }),
    // The JSON envelope, well formed or not.
    fc
      .tuple(
        fc.array(fileArb(canary), { maxLength: 3 }),
        optionsArb,
        fc.constantFrom('ok', 'noName', 'notArray', 'truncated'),
      )
      .map(([files, options, shape]) => {
        const envelope =
          shape === 'notArray'
            ? { files: files[0] ?? '', options }
            : {
                files: files.map((content, i) =>
                  shape === 'noName' ? { content } : { name: `f${i}.yaml`, content },
                ),
                options,
              };
        const json = JSON.stringify(envelope);
        return {
          path: '/v1/lint',
          init: {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: shape === 'truncated' ? json.slice(0, json.length / 2) : json,
          },
          page: false,
        };
      }),
    // The web form, as a browser posts it.
    fc
      .tuple(fc.array(fileArb(canary), { maxLength: 2 }), fc.option(fileArb(canary)), optionsArb)
      .map(([files, pasted, options]) => {
        const form = new FormData();
        if (files.length === 0) form.append('file', new File([], ''), '');
        for (const content of files) form.append('file', new File([content], 'upload.yaml'));
        form.append('content', pasted ?? '');
        form.append('network', options.network ?? 'untrusted');
        form.append('kubernetesVersion', options.kubernetesVersion ?? '');
        return { path: '/report', init: { method: 'POST', body: form }, page: true };
      }),
    // The form's download, with any format and a report that may not be one.
    fc
      .tuple(
        fc.constantFrom('json', 'sarif', 'svg', 'text', 'constructor', '__proto__', 'toString', ''),
        fc.oneof(fc.constant(realReport), fileArb(canary)),
      )
      .map(([format, report]) => ({
        path: '/report/download',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ format, report }).toString(),
        },
        page: true,
      })),
    // Other methods on known and unknown paths.
    fc
      .tuple(
        fc.constantFrom('PUT', 'DELETE', 'PATCH', 'GET', 'HEAD'),
        fc.constantFrom(
          '/v1/lint',
          '/report',
          '/v1/rules/constructor',
          '/v1/rules/__proto__',
          '/v1/paths',
          '/nothing',
        ),
      )
      .map(([method, path]) => ({
        path,
        init: { method, ...(method === 'GET' || method === 'HEAD' ? {} : { body: 'x' }) },
        page: false,
      })),
  );

describe('fuzzing every upload form', () => {
  it(`never answers 5xx, answers every API 4xx as problem+json, never echoes a planted secret (${RUNS} requests, seed ${SEED})`, async () => {
    // A real report for the form's download, as its buttons post it back.
    const realReport = await (
      await call('/v1/lint', {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml' },
        body: SHAPES[0],
      })
    ).text();
    await fc.assert(
      fc.asyncProperty(
        canaryArb.chain((canary) => fc.tuple(fc.constant(canary), requestArb(canary, realReport))),
        async ([canary, sent]) => {
          const res = await call(sent.path, sent.init);
          const text = await res.text();
          expect(res.status, `${sent.init.method} ${sent.path}`).toBeLessThan(500);
          expect(text).not.toContain(canary);
          // 422 (failOn met) is the report itself, in the format asked for; every other 4xx is a problem.
          // A HEAD answer has no body to check.
          const problem = res.status >= 400 && res.status !== 422 && sent.init.method !== 'HEAD';
          if (problem && (!sent.page || res.status === 405 || res.status === 404)) {
            expect(res.headers.get('content-type')).toBe('application/problem+json');
            const body = JSON.parse(text) as { type: string; status: number };
            expect(body.status).toBe(res.status);
            expect(body.type).toMatch(/^\/docs#problem-[a-z-]+$/);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});
