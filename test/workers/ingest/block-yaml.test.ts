import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlockDocument } from '../../../src/ingest/block-yaml';
import { LIMITS } from '../../../src/catalogue/limits';
import { Budget } from '../../../src/ingest/budget';
import type { Readers } from '../../../src/ingest/yaml';
import { EVENTS_ONLY, blockReads, reading } from '../../support/yaml-reading';

const withBlock: Readers = { json: false, block: true, cutFrom: Infinity };

/** Characters that mean something to YAML, and some that do not. */
const char = fc.constantFrom(...'ab :#-\'"[]{},|>&*!%@`\\?\n.~/0é'.split(''), 'x', 'y', ' ', ': ', ' #');
const word = fc.oneof(
  fc.constantFrom('yes', 'No', 'on', '0777', '0x1F', '1_000', '1:20', '.inf', '-.5', '1e3', 'null', '~', ''),
  fc.constantFrom('<<', 'true', '=', '-', '--flag=x', 'http://a:1/b', '::1', 'kube-apiserver', 'a b'),
  fc.array(char, { maxLength: 8 }).map((chars) => chars.join('')),
);

type Node =
  | { kind: 'scalar'; text: string; style: number; comment: boolean }
  | { kind: 'seq'; items: Node[]; flow: boolean; indented: boolean }
  | { kind: 'map'; entries: Array<{ key: string; quote: number; value: Node }>; deeper: boolean };

const tree = fc.letrec<{ node: Node; scalar: Node; seq: Node; map: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('seq'), tie('map')),
  scalar: fc.record({
    kind: fc.constant('scalar' as const),
    text: word,
    style: fc.nat(4),
    comment: fc.boolean(),
  }),
  seq: fc.record({
    kind: fc.constant('seq' as const),
    items: fc.array(tie('node'), { maxLength: 3 }),
    flow: fc.boolean(),
    indented: fc.boolean(),
  }),
  map: fc.record({
    kind: fc.constant('map' as const),
    entries: fc.array(fc.record({ key: word, quote: fc.nat(3), value: tie('node') }), { maxLength: 3 }),
    deeper: fc.boolean(),
  }),
}));

const pad = (n: number) => ' '.repeat(n);

/** A scalar as written: plain, double-quoted, single-quoted, or a literal block (`|`, `|-`). */
function scalarText(node: Extract<Node, { kind: 'scalar' }>, indent: number): string {
  const comment = node.comment ? ' # c' : '';
  switch (node.style) {
    case 1:
      return ` ${JSON.stringify(node.text)}${comment}\n`;
    case 2:
      return ` '${node.text.replaceAll("'", "''")}'${comment}\n`;
    case 3:
    case 4: {
      const lines = node.text.split('\n').map((line) => (line ? pad(indent + 2) + line : line));
      return ` |${node.style === 4 ? '-' : ''}${comment}\n${lines.join('\n')}\n`;
    }
    default:
      return ` ${node.text}${comment}\n`;
  }
}

function keyText(key: string, quote: number): string {
  if (quote === 1) return JSON.stringify(key);
  if (quote === 2) return `'${key.replaceAll("'", "''")}'`;
  return key;
}

/** What follows `key:` in a mapping at `indent`. */
function afterKey(node: Node, indent: number): string {
  if (node.kind === 'scalar') return scalarText(node, indent);
  if (node.kind === 'seq') {
    if (node.flow || node.items.length === 0) return ` ${flow(node)}\n`;
    return `\n${sequence(node, node.indented ? indent + 2 : indent)}`;
  }
  if (node.entries.length === 0) return ' {}\n';
  return `\n${mapping(node, indent + (node.deeper ? 4 : 2))}`;
}

/** A sequence written `[a, "b"]`, its items as scalars. */
function flow(node: Extract<Node, { kind: 'seq' }>): string {
  const items = node.items.map((item) =>
    item.kind === 'scalar' && item.style === 1
      ? JSON.stringify(item.text)
      : item.kind === 'scalar'
        ? item.text
        : '[]',
  );
  return `[${items.join(', ')}]`;
}

function mapping(node: Extract<Node, { kind: 'map' }>, indent: number, compact = false): string {
  return node.entries
    .map(
      (entry, i) =>
        `${compact && i === 0 ? '' : pad(indent)}${keyText(entry.key, entry.quote)}:${afterKey(entry.value, indent)}`,
    )
    .join('');
}

function sequence(node: Extract<Node, { kind: 'seq' }>, indent: number): string {
  return node.items
    .map((item) => {
      const dash = `${pad(indent)}-`;
      if (item.kind === 'scalar') return dash + scalarText(item, indent);
      if (item.kind === 'map' && item.entries.length > 0)
        return item.deeper
          ? `${dash}\n${mapping(item, indent + 2)}`
          : `${dash} ${mapping(item, indent + 2, true)}`;
      if (item.kind === 'seq' && item.items.length > 0 && !item.flow)
        return `${dash}\n${sequence(item, indent + 2)}`;
      return `${dash} ${item.kind === 'map' ? '{}' : flow(item)}\n`;
    })
    .join('');
}

/** A document: a mapping or a sequence at its root, with comments, blank lines, a marker, CRLF. */
const documentText = fc
  .tuple(
    fc.oneof(tree.map, tree.seq),
    fc.constantFrom('', '---\n', '--- # c\n', '# head\n\n'),
    fc.array(fc.nat(), { maxLength: 3 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([root, head, extras, newline]) => {
    const body = root.kind === 'map' ? mapping(root, 0) : root.kind === 'seq' ? sequence(root, 0) : '';
    const lines = body.split('\n');
    // Blank and comment lines between the others, at varying indentation.
    for (const extra of extras)
      lines.splice(extra % (lines.length + 1), 0, extra % 2 ? '' : `${pad(extra % 5)}# x`);
    return (head + lines.join('\n')).replaceAll('\n', newline);
  });

/** Small edits of a document: what the block reader must either read as js-yaml does or leave to it. */
const mutated = fc
  .tuple(documentText, fc.array(fc.tuple(fc.nat(), fc.nat(2), char), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    let out = text;
    for (const [at, kind, c] of edits) {
      const i = at % (out.length + 1);
      out =
        kind === 0
          ? out.slice(0, i) + c + out.slice(i)
          : kind === 1
            ? out.slice(0, i) + out.slice(i + 1)
            : out.slice(0, i) + c + out.slice(i + 1);
    }
    return out;
  });

describe('plain block YAML read without events (block-yaml.ts)', () => {
  it('reads what the YAML reader reads: values, key order, offsets, errors, budget', () => {
    let itself = 0;
    let all = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        all++;
        if (blockReads(text)) itself++;
        expect(reading(text, withBlock)).toEqual(reading(text, EVENTS_ONLY));
      }),
      { numRuns: 3000 },
    );
    // The comparison means something only if the block reader read many documents itself (a quarter of these; random words make many of them invalid).
    expect(itself / all).toBeGreaterThan(0.2);
  });

  it('reads edited documents as the YAML reader does, or leaves them to it', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const whole = reading(text, EVENTS_ONLY);
        expect(reading(text, withBlock)).toEqual(whole);
        // Cut at its top-level entries where it can be, each piece read by the block reader if it can.
        expect(reading(text, { ...withBlock, cutFrom: 0 })).toEqual(whole);
      }),
      { numRuns: 4000 },
    );
  });

  it('reads a static pod manifest itself, with the same result', () => {
    const pod = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  annotations:',
      '    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: 10.0.0.1:6443',
      '  labels: {component: kube-apiserver}'.replace('{component: kube-apiserver}', '{}'),
      '  name: kube-apiserver',
      'spec:',
      '  containers:',
      '  - command:',
      '    - kube-apiserver',
      '    - --anonymous-auth=false # keep',
      "    - '--authorization-mode=Node,RBAC'",
      '    - "--tls-min-version=VersionTLS12"',
      '    image: registry.k8s.io/kube-apiserver:v1.31.0',
      '    ports: [6443, "x"]',
      '    resources:',
      '      requests:',
      '        cpu: 250m',
      '  hostNetwork: true',
      '  volumes:',
      '  -',
      '    hostPath:',
      '      path: /etc/kubernetes/pki',
      '    name: k8s-certs',
      'data: |',
      '  line one',
      '',
      '    indented',
      'empty:',
      '',
    ].join('\n');
    expect(blockReads(pod)).toBe(true);
    expect(reading(pod, withBlock)).toEqual(reading(pod, EVENTS_ONLY));
    expect(blockReads(pod.replaceAll('\n', '\r\n'))).toBe(true);
  });

  it('stops where the budget would, and leaves the text to js-yaml then, charging nothing', () => {
    // 7 nodes (the mapping, two keys, a scalar, a list and its two items) and 5 characters.
    const text = 'a: 1\nb: [x, y]\n';
    const nearlySpent = (nodesLeft: number) => {
      const budget = new Budget();
      budget.spendNodes(LIMITS.maxExpandedNodes - nodesLeft);
      return budget;
    };
    const enough = nearlySpent(7);
    expect(readBlockDocument(text, 0, text.length, enough, (raw) => raw)).toBeDefined();
    expect(enough.room().nodes).toBe(0);
    const short = nearlySpent(6);
    expect(readBlockDocument(text, 0, text.length, short, (raw) => raw)).toBeUndefined();
    expect(short.room().nodes).toBe(6);
    const bytes = new Budget();
    bytes.spendBytes(LIMITS.maxMaterializedBytes - 4);
    expect(readBlockDocument(text, 0, text.length, bytes, (raw) => raw)).toBeUndefined();
  });

  it('leaves to the YAML reader what is not plain block YAML', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: >\n  folded\n',
      'a: |+\n  kept\n\n',
      'a: |2\n   x\n',
      'a: b\n  continued\n',
      'a: {b: 1}\n',
      'a: [1, [2]]\n',
      'a: [1,\n  2]\n',
      '<<: {}\n',
      '"<<": 1\n',
      '? a\n: b\n',
      'a:\tb\n',
      'a: 1\r\rb: 2\n',
      'a: 1\r\nb: 2\rc: 3\r\n',
      '\ufeffa: 1\n',
      'a: "\\x41"\n',
      'a: "two\n  lines"\n',
      'just a scalar\n',
      '# only a comment\n',
      'a: 1\n...\n',
      '%YAML 1.1\n---\na: 1\n',
      `${'- '.repeat(200)}x\n`,
      `${'k'.repeat(1100)}: 1\n`,
    ]) {
      expect(blockReads(text), text).toBe(false);
      expect(reading(text, withBlock)).toEqual(reading(text, EVENTS_ONLY));
    }
  });
});
