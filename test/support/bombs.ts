/**
 * Hostile uploads, one or more per class of attack on a parser's time or memory, each within the body
 * limit: what `npm run bench:hostile` measures against `wrangler dev`, and what the HTTP tests send
 * through workerd. Built at call time (nothing large is committed); `size` scales every bomb down for a
 * quick test.
 */
import { LIMITS } from '../../src/catalogue/limits';
import { konnectivityUpload, kubeadmUpload, RIGHT_PKI } from '../../src/rules/support/example-certificates';
import {
  egressSelector,
  KONNECTIVITY_AGENT_TOKEN,
  KONNECTIVITY_SOCKET,
  konnectivityAgent,
  konnectivityServer,
  staticPod,
} from '../../src/rules/support/examples';
import { kubectlPodList } from './kubectl-list';

/** The default body limit (LIMITS.maxBodyBytes): every bomb stays just under it. */
export const BODY_LIMIT = 5 * 1024 * 1024;

export type BombClass =
  | 'aliases'
  | 'deep nesting'
  | 'many documents'
  | 'embedded amplification'
  | 'huge keys'
  | 'huge scalars'
  | 'many parts'
  | 'declared oversize'
  | 'read twice'
  | 'real input';

export interface Bomb {
  class: BombClass;
  name: string;
  /** POST to this path. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

const yamlBomb = (bombClass: BombClass, name: string, body: string): Bomb => ({
  class: bombClass,
  name,
  path: '/v1/lint',
  headers: { 'Content-Type': 'application/yaml' },
  body,
});

/** `n` copies of `unit`, as many as fit in `bytes`. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

const apiserverFlags = (count: number, width: number) =>
  Array.from({ length: count }, (_, i) => `    - --feature-${i}=${'x'.repeat(width)}`).join('\n');

/** A ConfigMap (kubeadm's kubelet-config) whose `data.kubelet` is a KubeletConfiguration of about `bytes`. */
function kubeletConfigMap(bytes: number): string {
  const lines = fill('      - 10.96.0.10\n', bytes);
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: kubelet-config, namespace: kube-system}',
    'data:',
    '  kubelet: |',
    '    apiVersion: kubelet.config.k8s.io/v1beta1',
    '    kind: KubeletConfiguration',
    '    readOnlyPort: 10255',
    '    clusterDNS:',
    lines.trimEnd(),
  ].join('\n');
}

/** Every bomb, at `size` bytes at most (the body limit by default). */
export function bombs(size = BODY_LIMIT - 4096): Bomb[] {
  const aliasUses = 100;
  const big = 'x'.repeat(Math.floor(size * 0.8));
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const [prev, name] = ['abcdefghij'[i - 1], 'abcdefghij'[i]];
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const pod = [
    'apiVersion: v1',
    'kind: List',
    'defs:',
    '  - &pod',
    '    apiVersion: v1',
    '    kind: Pod',
    '    metadata: {name: kube-apiserver, namespace: kube-system}',
    '    spec:',
    '      containers:',
    '      - command:',
    '        - kube-apiserver',
    apiserverFlags(Math.floor(size / 2 / 40), 20).replace(/^ {4}/gm, '        '),
    'items:',
    ...Array.from({ length: aliasUses }, () => '- *pod'),
  ].join('\n');
  const mergeKeys = Math.floor(size / 2 / 12);
  const merge = [
    'base: &b',
    ...Array.from({ length: mergeKeys }, (_, i) => `  k${i}: 1`),
    ...Array.from({ length: aliasUses }, (_, i) => `m${i}: {<<: *b}`),
  ].join('\n');
  // About 1 MB each, as in issue 12: enough for 100 re-parses to take a minute.
  const embedded = Math.min(size / 5, 1_000_000);
  const configMap = kubeletConfigMap(embedded);
  const kubeletInfo = (copies: number, content: string) =>
    `{"apiVersion": "hostdata.kubescape.cloud/v1beta0", "kind": "List", "defs": [&info {"apiVersion": "hostdata.kubescape.cloud/v1beta0", "kind": "KubeletInfo", "data": {"cmdLine": "kubelet --config=/var/lib/kubelet/config.yaml", "configFile": {"content": "${content}"}}}], "items": [${Array(copies).fill('*info').join(', ')}]}`;
  const kubeletConfig = `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nclusterDNS:\n${fill('- 10.96.0.10\n', Math.floor(size * 0.7))}`;
  const parts = Math.floor(size / 120);
  const boundary = 'kcl-bomb-boundary';
  const multipart = `${Array.from(
    { length: parts },
    (_, i) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f${i}.yaml"\r\n\r\na: 1\r\n`,
  ).join('')}--${boundary}--\r\n`;
  // One small file in a body of text that looks like the boundary: the parts are counted on the bytes,
  // and counting must not compare most of a 70-character boundary (RFC 2046's longest) at every byte.
  const nearDelimiters = (boundary: string, filler: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.yaml"\r\n\r\n` +
    `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n# ${filler.repeat(size - 400)}\n\r\n--${boundary}--\r\n`;
  const dashes = `${'-'.repeat(69)}x`;
  const cs = `${'c'.repeat(68)}dc`;
  const envelopeFiles = Math.floor((size - 20) / 36);
  return [
    yamlBomb('aliases', 'billion laughs (9 levels of 9 aliases)', laughs.join('\n')),
    yamlBomb('aliases', `List of ${aliasUses} aliases of one large pod`, pod),
    yamlBomb('aliases', `${aliasUses} merges (<<: *b) of a ${mergeKeys}-key mapping`, merge),
    yamlBomb(
      'deep nesting',
      'flow sequences nested to the body limit',
      `${'['.repeat(size / 2)}${']'.repeat(size / 2)}`,
    ),
    yamlBomb(
      'deep nesting',
      'JSON with a tab (not YAML) nested to the body limit',
      `{\n\t"a": ${'['.repeat(size / 2 - 10)}${']'.repeat(size / 2 - 10)}}`,
    ),
    yamlBomb('many documents', 'empty documents (---) to the body limit', fill('---\n', size)),
    yamlBomb('many documents', 'tiny documents to the body limit', fill('a: 1\n---\n', size)),
    yamlBomb(
      'embedded amplification',
      `List of ${aliasUses} aliases of a ConfigMap holding a ${(configMap.length / 1e6).toFixed(1)} MB kubelet config`,
      `apiVersion: v1\nkind: List\ndefs:\n- &cm\n${configMap.replace(/^/gm, '  ')}\nitems:\n${'- *cm\n'.repeat(aliasUses)}`,
    ),
    yamlBomb(
      'embedded amplification',
      `List of ${aliasUses} aliases of a KubeletInfo holding a base64 kubelet config`,
      kubeletInfo(aliasUses, btoa(kubeletConfig.slice(0, embedded))),
    ),
    yamlBomb(
      'huge keys',
      `a complex key of ${aliasUses} aliases of one ${(big.length / 1e6).toFixed(1)} MB string`,
      `s: &s ${big}\n? [${Array(aliasUses).fill('*s').join(', ')}]\n: v\n`,
    ),
    yamlBomb('huge keys', 'one plain key to the body limit', `${big}: v\n`),
    yamlBomb(
      'huge scalars',
      'one plain scalar to the body limit',
      `kind: ConfigMap\ndata: ${'y'.repeat(size - 40)}\n`,
    ),
    yamlBomb('huge scalars', 'one number-like scalar (digits and colons)', `a: ${fill('1:', size - 10)}x\n`),
    {
      class: 'huge scalars',
      name: 'one command-line flag to the body limit',
      path: '/v1/lint',
      headers: { 'Content-Type': 'text/plain' },
      body: `/usr/bin/kubelet --node-labels=${'z'.repeat(size - 60)}\n`,
    },
    {
      class: 'many parts',
      name: `multipart with ${parts} file parts`,
      path: '/v1/lint',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: multipart,
    },
    {
      class: 'many parts',
      name: `the web form with ${parts} file parts`,
      path: '/report',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: multipart,
    },
    {
      class: 'many parts',
      name: 'one part in a body of dashes, its boundary 69 dashes and an x',
      path: '/v1/lint',
      headers: { 'Content-Type': `multipart/form-data; boundary=${dashes}` },
      body: nearDelimiters(dashes, '-'),
    },
    {
      class: 'many parts',
      name: 'one part in a body of c, its boundary 68 c, a d and a c',
      path: '/v1/lint',
      headers: { 'Content-Type': `multipart/form-data; boundary=${cs}` },
      body: nearDelimiters(cs, 'c'),
    },
    {
      class: 'many parts',
      name: `JSON envelope with ${envelopeFiles} files`,
      path: '/v1/lint',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: Array(envelopeFiles).fill({ name: 'a.yaml', content: 'a: 1' }) }),
    },
    yamlBomb(
      'real input',
      `kubectl get pods -A -o yaml, ${(size / 4 / 1e6).toFixed(1)} MB`,
      kubectlPodList(size / 4),
    ),
    yamlBomb(
      'real input',
      `kubectl get pods -A -o yaml, ${(size / 1e6).toFixed(1)} MB`,
      kubectlPodList(size - 8192),
    ),
    yamlBomb(
      'read twice',
      `a ${(size / 1e6).toFixed(1)} MB kubectl List with an anchor on its last line`,
      // The block reader (src/ingest/block-yaml.ts) reads it to its end before it meets the anchor and
      // leaves the document to js-yaml's events: the most a document can cost both readers.
      `${kubectlPodList(size - 8192)}x: &a 1\n`,
    ),
    {
      ...yamlBomb(
        'real input',
        `kubectl get pods -A -o json, ${(size / 1e6).toFixed(1)} MB`,
        kubectlPodList(size - 65536, 'json'),
      ),
      headers: { 'Content-Type': 'application/json' },
    },
    yamlBomb(
      'real input',
      `2,000 API server pods (answer size)`,
      Array.from(
        { length: 2000 },
        (_, i) =>
          `apiVersion: v1\nkind: Pod\nmetadata: {name: kube-apiserver-${i}, namespace: kube-system}\nspec:\n  containers:\n  - command: [kube-apiserver, --anonymous-auth=true, --authorization-mode=AlwaysAllow]\n    image: registry.k8s.io/kube-apiserver:v1.31.2\n    name: kube-apiserver\n`,
      ).join('---\n'),
    ),
    pkiCrossProduct(size),
    pkiCrossProduct(size, true),
    konnectivityCrossProduct(size),
    konnectivityTokenCrossProduct(size),
    egressCrossProduct(size, 'mode'),
    egressCrossProduct(size, 'socket'),
    ...unknownNames(size),
    ...commandLineWords(size),
  ];
}

/**
 * An API server pod of flags and feature gates it does not know, as many as fit, or one name as long
 * as the body: each unknown name is compared with every real one for "did you mean", and a comparison
 * was length × length.
 */
function unknownNames(size: number): Bomb[] {
  const pod = (flags: readonly string[]) => staticPod('kube-apiserver', flags).content;
  // As many as the request's command lines take (the pod has its own few flags besides).
  const flags = Math.min(Math.floor(size / 48), LIMITS.maxCommandLineWords - 10);
  const shortFlags = Math.floor(size / 18);
  const gates = Math.floor(size / 30);
  return [
    yamlBomb(
      'real input',
      `an API server pod with ${flags} unknown flags`,
      pod(Array.from({ length: flags }, (_, i) => `--kubelet-certificate-authorty-${i}=x`)),
    ),
    yamlBomb(
      'real input',
      `an API server pod with ${shortFlags} short unknown flags, past the command-line words`,
      pod(Array.from({ length: shortFlags }, (_, i) => `--x${i}`)),
    ),
    yamlBomb(
      'real input',
      `an API server pod with ${gates} unknown feature gates`,
      pod([
        `--feature-gates=${Array.from({ length: gates }, (_, i) => `RotateKubeletCert${i}=true`).join(',')}`,
      ]),
    ),
    yamlBomb('huge scalars', 'one flag name to the body limit', pod([`--${'a'.repeat(size - 400)}=1`])),
    yamlBomb(
      'huge scalars',
      'one feature gate name to the body limit',
      pod([`--feature-gates=${'A'.repeat(size - 400)}=true`]),
    ),
  ];
}

/**
 * Command lines of more words than a request takes, in each form whose words are made from text: a
 * kubelet flags file, a unit's ExecStart repeating one variable, a container's `sh -c` script. Each
 * word gets its place in the file, and that cost grows with the words, not the bytes.
 */
function commandLineWords(size: number): Bomb[] {
  const envelope = (name: string, content: string) => JSON.stringify({ files: [{ name, content }] });
  const jsonBomb = (name: string, body: string): Bomb => ({
    class: 'real input',
    name,
    path: '/v1/lint',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  const words = Math.floor(size / 3);
  const variable = Array.from({ length: 1000 }, () => '-a').join(' ');
  const uses = Math.floor((size - variable.length - 100) / 3);
  return [
    jsonBomb(
      `a kubelet flags file of ${words} words`,
      envelope('/etc/default/kubelet', `KUBELET_EXTRA_ARGS="${'-a '.repeat(words)}"\n`),
    ),
    jsonBomb(
      `a kubelet unit whose ExecStart uses a 1,000-word variable ${uses} times`,
      envelope(
        '/etc/systemd/system/kubelet.service',
        `[Service]\nEnvironment="A=${variable}"\nExecStart=/usr/bin/kubelet${' $A'.repeat(uses)}\n`,
      ),
    ),
    yamlBomb(
      'real input',
      `an API server container whose sh -c script has ${words} words`,
      staticPod('kube-apiserver', []).content.replace(
        '- kube-apiserver',
        `- sh\n    - -c\n    - kube-apiserver${' -a'.repeat(words)}`,
      ),
    ),
    {
      class: 'real input',
      name: `a kube-apiserver process line beside another program's line of ${words} words`,
      path: '/v1/lint',
      headers: { 'Content-Type': 'text/plain' },
      body: `/usr/bin/kube-apiserver --anonymous-auth=false\n/usr/bin/java${' -a'.repeat(words)}\n`,
    },
  ];
}

/**
 * Egress files without the API servers that name them, and konnectivity servers in another mode or on
 * another socket, each repeated until the body is full: every selection was paired with every server,
 * a finding per pair.
 */
function egressCrossProduct(size: number, differs: 'mode' | 'socket'): Bomb {
  const server = konnectivityServer(
    differs === 'mode'
      ? [`--uds-name=${KONNECTIVITY_SOCKET}`, '--mode=http-connect']
      : ['--uds-name=/var/run/other.socket'],
  );
  return repeatedUpload(
    size,
    [server, egressSelector()],
    () => true,
    (copies) => `${copies} egress files and ${copies} konnectivity servers on another ${differs}`,
  );
}

/**
 * Konnectivity servers that authenticate agents by token and agents that send another audience, each
 * repeated until the body is full: a finding per (agent, server) pair was millions of findings.
 */
function konnectivityTokenCrossProduct(size: number): Bomb {
  const files = [
    konnectivityServer([
      '--agent-namespace=kube-system',
      '--agent-service-account=konnectivity-agent',
      '--authentication-audience=system:konnectivity-server',
    ]),
    konnectivityAgent([`--service-account-token-path=${KONNECTIVITY_AGENT_TOKEN}`], 'konnectivity'),
  ];
  return repeatedUpload(
    size,
    files,
    () => true,
    (copies) => `${copies} konnectivity servers and ${copies} agents whose token audience differs`,
  );
}

/**
 * kubeadm's PKI with its API server pod and the kubelet's kubeconfig each repeated until the body is
 * full: every pod presents the same certificate to every kubeconfig's CA, so a check per pair is
 * millions of checks (a pair per check built was a stack overflow, a 500, from 250 of each). With
 * `hosts`, each kubeconfig dials its own address, which the certificate does not name.
 */
function pkiCrossProduct(size: number, hosts = false): Bomb {
  const files = kubeadmUpload(RIGHT_PKI).files.map((file) => ({
    ...file,
    // The kubeconfig names the CA file instead of carrying a copy: copies count to maxCertificates.
    content: file.content.replace(
      /certificate-authority-data: \S+/,
      'certificate-authority: /etc/kubernetes/pki/ca.crt',
    ),
  }));
  return repeatedUpload(
    size,
    files,
    (name) => name.includes('manifests/kube-apiserver') || name.endsWith('/kubelet.conf'),
    (copies) =>
      `${copies} API server pods and ${copies} kubeconfigs ${hosts ? 'dialing as many addresses ' : ''}over one PKI`,
    hosts
      ? (content, i) => content.replace(/server: https:\/\/[^:]+:/, `server: https://h${i}.example:`)
      : undefined,
  );
}

/**
 * The setup-konnectivity task's server and agent each repeated until the body is full, the agents
 * dialing an address the servers' certificate does not name: a finding per (server, agent) pair was
 * millions of findings.
 */
function konnectivityCrossProduct(size: number): Bomb {
  const files = konnectivityUpload('serviceAccount').files.map((file) => ({
    ...file,
    content: file.content.replace('--proxy-server-host=10.0.0.10', '--proxy-server-host=10.9.9.9'),
  }));
  return repeatedUpload(
    size,
    files,
    (name) => /konnectivity-(server|agent)/.test(name),
    (copies) =>
      `${copies} konnectivity servers and ${copies} agents dialing an address their certificate does not name`,
  );
}

/**
 * An upload whose `repeated` files hold as many copies of their content (`vary` makes the i-th) as fit
 * in `size`, as multipart: the shape of an attack on work per pair of objects.
 */
function repeatedUpload(
  size: number,
  files: Array<{ name: string; content: string }>,
  repeated: (name: string) => boolean,
  name: (copies: number) => string,
  vary: (content: string, i: number) => string = (content) => content,
): Bomb {
  const boundary = 'kcl-bomb-pairs';
  const fixed = files.filter((f) => !repeated(f.name)).reduce((n, f) => n + f.content.length + 200, 0);
  // 32 bytes a copy for what `vary` may add.
  const unit = files.filter((f) => repeated(f.name)).reduce((n, f) => n + f.content.length + 36, 0);
  const copies = Math.floor((size - fixed) / unit);
  const body = files
    .map((file) => {
      const content = repeated(file.name)
        ? Array.from({ length: copies }, (_, i) => vary(file.content, i)).join('---\n')
        : file.content;
      return `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n\r\n${content}\r\n`;
    })
    .join('');
  return {
    class: 'real input',
    name: name(copies),
    path: '/v1/lint',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    body: `${body}--${boundary}--\r\n`,
  };
}
