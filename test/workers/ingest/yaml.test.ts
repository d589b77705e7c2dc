import { describe, expect, it } from 'vitest';
import { Budget } from '../../../src/ingest/budget';
import { parseYamlStream as parseWithBudget } from '../../../src/ingest/yaml';

const parseYamlStream = (text: string) => parseWithBudget(text, new Budget());

const only = (text: string) => {
  const stream = parseYamlStream(text);
  expect(stream.errors).toEqual([]);
  return stream.documents[0]?.value as Record<string, unknown>;
};

describe('YAML read the way Kubernetes reads it (go-yaml v2 scalars)', () => {
  it('reads yes/no/on/off as booleans, quoted ones as strings', () => {
    expect(only('a: yes\nb: off\nc: "on"\nd: True\n')).toEqual({ a: true, b: false, c: 'on', d: true });
  });

  it('reads a bare y or n key as a boolean, like go-yaml v2 (so `y:` becomes the key "true")', () => {
    expect(only('y: 1\nn: 2\n')).toEqual({ true: 1, false: 2 });
  });

  it('reads 0777 as octal and keeps timestamps as strings', () => {
    expect(only('mode: 0777\nwhen: 2001-12-14\n')).toEqual({ mode: 511, when: '2001-12-14' });
  });

  it('reads numbers as go-yaml does, not YAML 1.1: no base 60, exponents without a dot', () => {
    const text = 'at: 1:20\nmax: 1e3\nmode: 0o644\nport: 08\n';
    const expected = { at: '1:20', max: 1000, mode: 420, port: 8 };
    expect(only(text)).toEqual(expected);
    // The events read the same: an anchor is what the block reader leaves to them.
    expect(only(`${text}x: &a 1\n`)).toEqual({ ...expected, x: 1 });
    expect(only('{"at": 1:20, "max": 1e3}')).toEqual({ at: '1:20', max: 1000 });
  });

  it('applies merge keys, explicit keys winning', () => {
    expect(only('base: &b {host: a, port: 1}\nm:\n  <<: *b\n  port: 2\n').m).toEqual({ host: 'a', port: 2 });
  });

  it('reads JSON, including the tab indentation YAML forbids', () => {
    expect(only('{\n\t"kind": "Pod",\n\t"n": 1\n}')).toEqual({ kind: 'Pod', n: 1 });
  });

  it('keeps a __proto__ key merged in from an anchor as data too', () => {
    const value = only('base: &b {__proto__: {polluted: true}, a: 1}\nm:\n  <<: *b\n');
    expect(Object.hasOwn(value.m as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value.m)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a __proto__ key as data, never as the prototype', () => {
    const value = only('__proto__: {polluted: true}\n');
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('source map', () => {
  it('maps JSON pointers to 1-based lines and columns, mapping entries to their key', () => {
    const stream = parseYamlStream(
      'kind: Pod\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --anonymous-auth=false\n',
    );
    const offsets = stream.documents[0]?.offsets;
    const at = (pointer: string) => stream.lines.locate(offsets?.get(pointer) ?? -1);
    expect(at('/kind')).toEqual({ line: 1, column: 1 });
    expect(at('/spec/containers/0/command')).toEqual({ line: 4, column: 5 });
    expect(at('/spec/containers/0/command/1')).toEqual({ line: 6, column: 7 });
  });

  it('locates what is under an alias at the alias, and a missing pointer at its nearest parent', () => {
    const stream = parseYamlStream('a: &x\n  b: 1\nc: *x\nd:\n  - e\nf~/g: 2\n');
    const offsets = stream.documents[0]!.offsets;
    const line = (offset: number | undefined) =>
      offset === undefined ? undefined : stream.lines.locate(offset).line;
    expect(line(offsets.get('/a/b'))).toBe(2);
    expect(line(offsets.get('/c'))).toBe(3);
    expect(offsets.get('/c/b')).toBeUndefined();
    expect(line(offsets.nearest('/c/b'))).toBe(3);
    expect(line(offsets.nearest('/d/0/zz'))).toBe(5);
    expect(line(offsets.nearest('/nope/x'))).toBe(1);
    expect(offsets.get('/d/00')).toBeUndefined();
    expect(line(offsets.get('/f~0~1g'))).toBe(6);
    expect(offsets.get('/toString')).toBeUndefined();
    expect(offsets.get('/constructor')).toBeUndefined();
    expect(offsets.get('/__proto__')).toBeUndefined();
  });

  it('locates a __proto__ or constructor key written in the upload like any other key', () => {
    const stream = parseYamlStream('a: 1\n__proto__: 2\nconstructor:\n  x: 3\n');
    const offsets = stream.documents[0]!.offsets;
    const line = (offset: number | undefined) =>
      offset === undefined ? undefined : stream.lines.locate(offset).line;
    expect(line(offsets.get('/__proto__'))).toBe(2);
    expect(line(offsets.get('/constructor/x'))).toBe(4);
    expect(offsets.get('/constructor/toString')).toBeUndefined();
  });

  it('numbers documents and keeps positions across --- separators', () => {
    const stream = parseYamlStream('a: 1\n---\nb: 2\n---\nc: 3\n');
    expect(stream.documents.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(stream.lines.locate(stream.documents[2]?.offsets.get('/c') ?? -1)).toEqual({
      line: 5,
      column: 1,
    });
  });
});

describe('bad YAML is a located error, and the other documents survive', () => {
  it('reports a syntax error with line and column and keeps the neighbours', () => {
    const stream = parseYamlStream('a: 1\n---\nb: [1,\n  c: d\n---\nd: 4\n');
    expect(stream.documents.map((d) => d.value)).toEqual([{ a: 1 }, { d: 4 }]);
    expect(stream.errors).toHaveLength(1);
    expect(stream.errors[0]?.message).toMatch(/^YAML syntax error/);
    expect(stream.errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(stream.errors[0]?.line).toBeLessThanOrEqual(4);
  });

  it('never quotes the source in an error (it may hold a secret)', () => {
    const stream = parseYamlStream('token: s3cr3t-value\n  bad: [\n');
    expect(JSON.stringify(stream.errors)).not.toContain('s3cr3t');
  });

  it('stops a billion-laughs alias bomb quickly, naming the limit', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1];
      bomb += `${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const started = Date.now();
    expect(() => parseYamlStream(bomb)).toThrow(expect.objectContaining({ limit: 'maxExpandedNodes' }));
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses too many aliases in one document', () => {
    const text = `x: &x 1\nl: [${Array(150).fill('*x').join(', ')}]\n`;
    expect(parseYamlStream(text).errors[0]?.message).toContain('maxAliases');
  });

  it('refuses deep nesting, naming the limit', () => {
    const stream = parseYamlStream(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(stream.errors[0]?.message).toContain('maxDepth');
  });
});
