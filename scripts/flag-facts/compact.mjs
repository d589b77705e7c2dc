#!/usr/bin/env node
// Builds the compact flag and value facts in src/model/flag-facts/data/ from the doc-derived flag tables
// (a directory with kube-apiserver.json … konnectivity-proxy-agent.json and values/*.json) and the
// source-verified overlay beside this script (source-facts.json, every correction with its citation).
// Plain Node, no dependencies; the repository never reads the tables at build, test or run time.
//
//   node scripts/flag-facts/compact.mjs <flag-tables-dir> [source-facts.json] [out-dir]
//
// Output form (every file): {"schema":1, ...}. Versions are Kubernetes minors as integers (18 = 1.18).
// A range string lists half-open intervals "a-b" (a <= v < b) or "a-" (a <= v), comma-separated.
// Component files: f[name] = [typeIndex, acceptedRanges, deprecatedFrom|0, removedConfirmedFrom|0, extra?]
//   extra = {m: deprecation message, x: replacement, fld: kubelet config field, def: default, u: ranges
//   where the flag may exist but no source says so ("undocumented"), lin: 1 (Linux builds only), inert}.
// src/model/flag-facts/README.md describes every field and the rules behind it.
/* global process, console */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!process.argv[2]) {
  console.error('usage: node scripts/flag-facts/compact.mjs <flag-tables-dir> [source-facts.json] [out-dir]');
  process.exit(2);
}
const SHARED = process.argv[2];
const FACTS = process.argv[3] ?? join(here, 'source-facts.json');
const OUT = process.argv[4] ?? join(here, '../../src/model/flag-facts/data');
const read = (p) => JSON.parse(readFileSync(p, 'utf8'));
const facts = read(FACTS);
mkdirSync(OUT, { recursive: true });

const MIN = 18;
const MAX = 35; // newest minor of the doc tables
const minor = (s) => (s == null ? null : Number(String(s).replace('<=', '').split('.')[1]));

// ---- range helpers (sets of integer minors <-> "a-b,c-" strings)
function toRanges(set, openEnd = MAX) {
  const xs = [...set].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < xs.length;) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j] + 1) j++;
    out.push(xs[j] >= openEnd ? `${xs[i]}-` : `${xs[i]}-${xs[j] + 1}`);
    i = j + 1;
  }
  return out.join(',');
}
function range(a, b) {
  const s = new Set();
  for (let v = a; v < b; v++) s.add(v);
  return s;
}

// ---- types: the doc's type words, normalised to what the value checker understands
const TYPE = {
  bool: 'bool',
  int: 'int',
  int32: 'int32',
  int64: 'int64',
  uint: 'uint',
  uint32: 'uint32',
  float: 'float',
  float32: 'float',
  duration: 'duration',
  string: 'string',
  strings: 'stringSlice',
  stringslice: 'stringSlice',
  stringToString: 'mapStringString',
  "<comma-separated 'key=value' pairs>": 'mapStringString',
  "<comma-separated 'key=True|False' pairs>": 'mapStringBool',
  ip: 'ip',
  ipport: 'ipport',
  cidrs: 'cidrs',
  'port-range': 'portRange',
  "<a string in the form 'N1-N2'>": 'portRange',
  quantity: 'quantity',
  'version[=true]': 'versionFlag',
  'pattern=N,...': 'moduleSpec',
  "<a string in the form 'file:N'>": 'traceLocation',
  "<A string of format 'file:line'>": 'traceLocation',
  colonSeparatedMultimapStringString: 'colonMultimap',
  '[]v1.Taint': 'taints',
  'reserved-memory': 'reservedMemory',
  LocalMode: 'string',
  ProxyMode: 'string',
  RuntimeDefault: 'string',
};
const cleanDefault = (d) =>
  d == null
    ? undefined
    : String(d)
        .replace(/<\/?code>|`/g, '')
        .trim() || undefined;

// which defaults "matter" (security rules and breakage rules read them); others are dropped for size
const KEEP_DEFAULT = new Set([
  'anonymous-auth',
  'authorization-mode',
  'read-only-port',
  'port',
  'secure-port',
  'bind-address',
  'address',
  'profiling',
  'enable-admission-plugins',
  'authentication-token-webhook',
  'rotate-certificates',
  'streaming-connection-idle-timeout',
  'service-account-lookup',
  'kubelet-certificate-authority',
  'tls-min-version',
  'insecure-port',
  'enable-bootstrap-token-auth',
  'use-service-account-credentials',
  'healthz-port',
  'healthz-bind-address',
  'metrics-bind-address',
  'cert-dir',
  'mode',
  'server-port',
  'agent-port',
  'admin-port',
  'health-port',
  'uds-name',
  'proxy-server-port',
  'proxy-server-host',
  'admin-bind-address',
  'cluster-cert',
  'authentication-audience',
  'feature-gates',
  'protect-kernel-defaults',
  'event-qps',
  'make-iptables-util-chains',
  'kubelet-https',
  'service-node-port-range',
  'allow-privileged',
  'request-timeout',
]);

const provenance = {};
const RN = (v, pr) => `rn-1.${v}${pr ? ' ' + pr : ''}`;

function buildComponent(comp) {
  const t = read(join(SHARED, `${comp}.json`));
  const cf = t.changelogFacts ?? {};
  const ov = facts.flags?.[comp] ?? {};
  const hid = facts.hiddenDeprecated?.[comp] ?? {};
  const man = facts.manual?.[comp] ?? {};
  const checked = new Set(facts.checked?.[comp] ?? []);
  const noConfirm = new Set(man.noConfirm ?? []);
  const types = [];
  const typeIx = (w) => {
    const n = TYPE[w] ?? 'string';
    let i = types.indexOf(n);
    if (i < 0) i = types.push(n) - 1;
    return i;
  };
  const norm = (k) => k.replace(/^-+/, '').replace(/>$/, '').replace(/_/g, '-');
  const rows = new Map(); // name -> working record
  const get = (name) => {
    if (!rows.has(name))
      rows.set(name, { acc: new Set(), dep: 0, r: 0, u: new Set(), x: {}, type: 'string' });
    return rows.get(name);
  };
  const shorts = {};
  // 1. doc tables
  for (const [k, v] of Object.entries(t.flags)) {
    if (man[k]?.drop) continue;
    const name = norm(k);
    const e = get(name);
    e.type = v.type ?? e.type;
    const s = minor(v.since) ?? MIN;
    const r = minor(v.removed) ?? MAX + 1;
    for (let m = Math.max(s, MIN); m < r && m <= MAX; m++)
      if (!(v.absentIn ?? []).includes(`1.${m}`)) e.acc.add(m);
    e.docAcc = new Set(e.acc);
    if (v.deprecatedSince)
      e.dep = e.dep ? Math.min(e.dep, minor(v.deprecatedSince)) : minor(v.deprecatedSince);
    if (v.deprecatedIn && v.deprecatedIn.length) e.depOnly = new Set(v.deprecatedIn.map(minor));
    if (v.removed) e.docRemoved = minor(v.removed);
    const d = cleanDefault(v.default);
    if (d !== undefined && KEEP_DEFAULT.has(name)) e.x.def = d;
    if (v.short) shorts[v.short.replace(/^-+/, '')] = name;
    if (v.configFileFieldSince) e.cfgFlag = true;
  }
  // 2. changelogFacts (release notes): hidden-but-accepted flags and confirmed removals
  for (const [k, v] of Object.entries(cf)) {
    const name = norm(k);
    const e = get(name);
    if (v.removed) {
      const r = minor(v.removed);
      const start = e.acc.size ? Math.min(...e.acc) : MIN;
      for (let m = start; m < r; m++) e.acc.add(m);
      for (const m of [...e.acc]) if (m >= r) e.acc.delete(m);
      e.r = r;
      e.x.pr = (v.src ?? [])
        .map((s) =>
          s.match(/release-1\.(\d+)/)?.[1] ? RN(s.match(/release-1\.(\d+)/)[1], s.match(/#\d+/)?.[0]) : s,
        )
        .join('; ');
    } else if (v.hiddenInDocs || v.hiddenInDocsSince) {
      // accepted though hidden; removal not named by any release note -> keep accepting
      const start = e.acc.size ? Math.min(...e.acc) : MIN;
      for (let m = start; m <= MAX; m++) e.acc.add(m);
    }
    if (v.deprecatedSince)
      e.dep = e.dep ? Math.min(e.dep, minor(v.deprecatedSince)) : minor(v.deprecatedSince);
    if (v.inertSince) e.x.inert = minor(v.inertSince);
    if (v.note && !e.x.why) e.x.why = v.note;
  }
  // 3. source: flags the component registers at checked minors (adds acceptance; hidden ones are deprecated)
  const addSrc = (name, list, cite) => {
    const e = get(name);
    const s = new Set(list.filter((m) => m <= MAX));
    for (const m of s) e.acc.add(m);
    // fill unchecked gaps between two present minors (1.22, and kube-proxy 1.22-1.30)
    const xs = [...s].sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i++)
      for (let m = xs[i] + 1; m < xs[i + 1]; m++) if (!checked.has(m)) e.acc.add(m);
    // before the first checked minor (1.18, 1.19): only "undocumented" when the docs did not list it
    if (xs[0] === Math.min(...checked)) for (let m = MIN; m < xs[0]; m++) if (!e.acc.has(m)) e.u.add(m);
    if (cite) e.x.src = cite;
    if (list.includes(MAX + 1)) e.in136 = true;
  };
  for (const [k, v] of Object.entries(ov)) if (v.src) addSrc(norm(k), v.src, v.cite);
  for (const [k, v] of Object.entries(hid)) {
    const name = norm(k);
    addSrc(name, v.src, v.cite);
    const e = get(name);
    // MarkDeprecated: warning, hidden from --help and docs. Hidden already at the first checked minor and
    // never documented before it -> deprecated before the tables' window (MIN).
    const first = Math.min(...v.src);
    const docAtMin = e.docAcc?.has(MIN);
    const since = first === Math.min(...checked) && !docAtMin ? MIN : first;
    e.dep = e.dep ? Math.min(e.dep, since) : since;
    e.x.m = v.msg;
    if (v.linuxOnly) e.x.lin = 1;
  }
  for (const [k, v] of Object.entries(ov)) if (v.absent) for (const m of v.absent) get(norm(k)).acc.delete(m);
  // 4. manual, cited corrections
  for (const [k, v] of Object.entries(man)) {
    if (!k.startsWith('-') || v.drop) continue;
    const e = get(norm(k));
    if (v.r) {
      e.r = v.r;
      for (const m of [...e.acc]) if (m >= v.r) e.acc.delete(m);
    }
    if (v.d) e.dep = v.d;
    if (v.u) for (const m of v.u) if (!e.acc.has(m)) e.u.add(m);
    if (v.x) e.x.x = v.x;
    if (v.t) e.type = v.t;
    if (v.why) e.x.why = v.why;
    if (v.cite) e.x.src = [].concat(v.cite).join('; ');
  }
  if (man.klogRemoved) {
    for (const n of [
      'add-dir-header',
      'alsologtostderr',
      'log-backtrace-at',
      'log-dir',
      'log-file',
      'log-file-max-size',
      'logtostderr',
      'one-output',
      'skip-headers',
      'skip-log-headers',
      'stderrthreshold',
    ]) {
      if (!rows.has(n)) continue;
      const e = get(n);
      for (const m of [...e.acc]) if (m >= man.klogRemoved.r) e.acc.delete(m);
      e.r = man.klogRemoved.r;
      e.x.pr = man.klogRemoved.cite.join('; ');
    }
  }
  // kubelet: every KubeletConfiguration-backed flag is deprecated in favour of its config-file field
  if (comp === 'kubelet') {
    const keep = new Set(['v', 'vmodule', 'log-flush-frequency', 'provider-id', 'fail-cgroupv1']);
    for (const [flag, field] of Object.entries(facts.kubeletFields ?? {})) {
      const e = rows.get(flag);
      if (!e) continue;
      e.x.fld = field;
      if (!keep.has(flag)) {
        // AddKubeletConfigFlags marks every flag it registers deprecated, from the minor it moved there.
        const since = facts.kubeletConfigFlagsSince?.since?.[flag] ?? MIN;
        e.dep = e.dep ? Math.min(e.dep, since) : since;
        // its replacement, `config file field <field>`, is read from `fld` (src/model/flag-facts/flag-status.ts)
      }
    }
  }
  // 4b. unchecked minors (1.18, 1.19, 1.22; kube-proxy 1.22-1.30) bracketed by accepted minors are accepted:
  // flags do not vanish for one release and come back (the doc gaps there are page glitches)
  for (const e of rows.values()) {
    if (!e.acc.size) continue;
    const lo = Math.min(...e.acc),
      hi = Math.max(...e.acc);
    for (let m = lo + 1; m < hi; m++)
      if (!checked.has(m) && !e.acc.has(m)) {
        e.acc.add(m);
        e.u.delete(m);
      }
    for (const m of [...e.u]) if (e.acc.has(m)) e.u.delete(m);
  }
  // 5. confirmation of removals: the first checked minor after the last accepted one (source absent)
  for (const [name, e] of rows) {
    if (!e.acc.size) continue;
    const last = Math.max(...e.acc);
    if (last >= MAX || e.r) continue;
    if (noConfirm.has('--' + name)) continue;
    for (let m = last + 1; m <= MAX; m++)
      if (checked.has(m)) {
        e.r = m;
        e.x.rc = 'source';
        break;
      }
  }
  // 6. emit
  const f = {};
  for (const [name, e] of [...rows].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const acc = toRanges(e.acc);
    if (!acc && !e.u.size) continue;
    if (e.depOnly && e.dep) {
      // deprecation marker was not continuous in the docs: keep the first version only (conservative)
      e.dep = Math.min(...e.depOnly);
    }
    if (e.u.size) e.x.u = toRanges(e.u);
    const row = [typeIx(e.type), acc, e.dep || 0, e.r || 0];
    const PROV = new Set(['src', 'why', 'pr', 'rc']);
    const extra = Object.fromEntries(
      Object.entries(e.x).filter(([k, v]) => v !== undefined && v !== '' && !PROV.has(k)),
    );
    const prov = Object.fromEntries(
      Object.entries(e.x).filter(([k, v]) => v !== undefined && v !== '' && PROV.has(k)),
    );
    if (Object.keys(extra).length) row.push(extra);
    f[name] = row;
    if (Object.keys(prov).length) (provenance[comp] ??= {})[name] = prov;
  }
  return {
    schema: 1,
    component: comp,
    versions: [MIN, MAX],
    checked: [...checked].filter((m) => m <= MAX),
    types,
    shorts,
    flags: f,
  };
}

// ---- konnectivity: keyed by its own tags; a k8s minor maps to tags (v0.N.x <-> 1.N from v0.28)
function buildKonnectivity(file, comp) {
  const t = read(join(SHARED, file));
  const tags = t.versions;
  const types = [];
  const typeIx = (w) => {
    const n = TYPE[w] ?? 'string';
    let i = types.indexOf(n);
    if (i < 0) i = types.push(n) - 1;
    return i;
  };
  const ix = (tag) => tags.indexOf(tag);
  const f = {};
  for (const [k, v] of Object.entries(t.flags)) {
    const name = k.replace(/^-+/, '');
    const s = v.since ? ix(v.since.replace('<=', '')) : 0;
    const r = v.removed ? ix(v.removed) : tags.length;
    const acc = new Set();
    for (let i = Math.max(s, 0); i < r; i++) if (!(v.absentIn ?? []).includes(tags[i])) acc.add(i);
    const dep = v.deprecatedSince ? ix(v.deprecatedSince) : -1;
    const row = [typeIx(v.type), toRanges(acc, tags.length - 1), dep];
    const def = v.default != null ? String(v.default) : undefined;
    if (def !== undefined && KEEP_DEFAULT.has(name)) row.push({ def });
    f[name] = row;
  }
  // klog flags: cmd/{server,agent}/main.go registers klog.InitFlags(local) with '_' -> '-' (all tags read)
  const klog = [
    'log-dir',
    'log-file',
    'log-file-max-size',
    'logtostderr',
    'alsologtostderr',
    'v',
    'add-dir-header',
    'skip-headers',
    'one-output',
    'skip-log-headers',
    'stderrthreshold',
    'vmodule',
    'log-backtrace-at',
  ];
  const all = `0-`;
  for (const n of klog) if (!f[n]) f[n] = [typeIx(n === 'v' ? 'int' : 'string'), all, -1, { klog: 1 }];
  for (const n of ['legacy-stderr-threshold-behavior', 'alsologtostderrthreshold'])
    if (!f[n])
      f[n] = [
        typeIx(n.startsWith('legacy') ? 'bool' : 'string'),
        `${ix('v0.36.0')}-`,
        -1,
        { klog: 1, u: `0-${ix('v0.36.0')}` },
      ];
  return { schema: 1, component: comp, tags, types, flags: f, normalizesUnderscore: false };
}

// ---- value tables
function buildValues() {
  const V = (n) => read(join(SHARED, 'values', n));
  const ap = V('admission-plugins.json');
  const admission = {};
  for (const [name, p] of Object.entries(ap.plugins)) {
    const s = minor(p.since) ?? MIN;
    const r = minor(p.removed) ?? MAX + 1;
    const acc = range(Math.max(s, MIN), Math.min(r, MAX + 1));
    for (const a of p.absentIn ?? []) acc.delete(minor(a));
    // Only which minors know a plugin: the default-on lists are not needed at run time.
    admission[name] = toRanges(acc);
  }
  // feature gates: known ranges + stage history + locks (source) + corrections
  const fg = V('feature-gates.json');
  const gates = {};
  const fix = facts.gates?.removedFix ?? {};
  const STG = {
    alpha: 'A',
    beta: 'B',
    stable: 'G',
    deprecated: 'D',
    ALPHA: 'A',
    BETA: 'B',
    GA: 'G',
    DEPRECATED: 'D',
  };
  for (const [name, g] of Object.entries(fg.gates)) {
    let s = minor(g.since) ?? MIN;
    let r = g.removed ? minor(g.removed) : MAX + 1;
    if (fix[name]?.since) s = fix[name].since;
    if (fix[name]?.r) r = Math.min(r, fix[name].r);
    const known = range(Math.max(s, MIN), Math.min(r, MAX + 1));
    // The minor a gate went GA (0: never), from the reference pages' stage history: where the locks were
    // not read from the source, a GA gate set to false is probably locked. Nothing else of the history is
    // needed at run time.
    const stages = g.ref
      ? g.ref.filter((x) => x[2]).map(([st, , from]) => [STG[st], minor(from)])
      : Object.entries(g.listed?.stage ?? {}).map(([v, sd]) => [STG[sd.split(':')[0]], minor(v)]);
    const ga = stages.find(([st]) => st === 'G')?.[1] ?? 0;
    gates[name] = [toRanges(known), ga];
  }
  for (const [name, a] of Object.entries(facts.gates?.add ?? {})) {
    gates[name] = [toRanges(range(a.since, a.r ?? MAX + 1)), 0];
  }
  // locks: per gate, "from-to:value" runs over the source-read minors (1.27-1.35)
  const lockRuns = {};
  const lockMinors = Object.keys(facts.gates?.locked ?? {})
    .map(minor)
    .sort((a, b) => a - b);
  const perGate = {};
  for (const m of lockMinors)
    for (const [g, val] of facts.gates.locked[`1.${m}`]) (perGate[g] ??= {})[m] = val ? 1 : 0;
  for (const [g, byM] of Object.entries(perGate)) {
    const runs = [];
    for (const m of lockMinors) {
      if (!(m in byM)) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === m && last[2] === byM[m]) last[1] = m + 1;
      else runs.push([m, m + 1, byM[m]]);
    }
    lockRuns[g] = runs.map(([a, b, v]) => `${a}-${b >= MAX + 1 ? '' : b}:${v}`).join(',');
  }
  const tls = V('tls.json');
  const ciphers = {};
  for (const [name, c] of Object.entries(tls.ciphers)) {
    const acc = range(Math.max(minor(c.since) ?? MIN, MIN), minor(c.removed) ?? MAX + 1);
    ciphers[name] = toRanges(acc); // preferred and insecure names are all accepted
  }
  const minVersions = {};
  for (const [name, c] of Object.entries(tls.minVersions))
    minVersions[name] = toRanges(range(Math.max(minor(c.since) ?? MIN, MIN), minor(c.removed) ?? MAX + 1));
  const am = V('authorization-modes.json');
  const authz = {};
  for (const comp of ['kube-apiserver', 'kubelet']) {
    authz[comp] = Object.fromEntries(
      Object.entries(am[comp].modes).map(([n, m]) => [
        n,
        toRanges(range(Math.max(minor(m.since) ?? MIN, MIN), minor(m.removed) ?? MAX + 1)),
      ]),
    );
  }
  return {
    schema: 1,
    versions: [MIN, MAX],
    admission,
    gates,
    gateLocks: lockRuns,
    gateLocksRead: [Math.min(...lockMinors), Math.max(...lockMinors)],
    ciphers,
    minVersions,
    authz,
  };
}

const outputs = {};
for (const c of ['kube-apiserver', 'kubelet', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'])
  outputs[c] = buildComponent(c);
outputs['konnectivity-server'] = buildKonnectivity('konnectivity-proxy-server.json', 'konnectivity-server');
outputs['konnectivity-agent'] = buildKonnectivity('konnectivity-proxy-agent.json', 'konnectivity-agent');
outputs.values = buildValues();
writeFileSync(
  join(OUT, 'provenance.json'),
  JSON.stringify(
    {
      schema: 1,
      note: 'Where each correction over the doc tables comes from (not needed at run time).',
      trees: facts.trees,
      gateLocks: facts.gates?.cite,
      flags: provenance,
    },
    null,
    0,
  ),
);
for (const [name, data] of Object.entries(outputs))
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(data));
console.log(
  Object.entries(outputs)
    .map(([n, d]) => `${n}: ${JSON.stringify(d).length} bytes`)
    .join('\n'),
);
