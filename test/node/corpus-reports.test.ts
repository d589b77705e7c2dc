/**
 * The reports over the whole corpus, pinned: every corpus file linted alone, every corpus folder linted as
 * one upload, and the examples/ bundle. A refactor or an optimisation must leave them byte for byte the
 * same (the tool block aside, whose versions change with every release); a change of behaviour shows here
 * as a readable diff of findings and verdicts, and is committed with `npx vitest run -u` once reviewed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_FAILED } from '../../src/engine/run-rules';
import { DEFAULT_OPTIONS, lint } from '../../src/lint';
import type { Report } from '../../src/schemas/report';

const repo = new URL('../../', import.meta.url).pathname;
const corpus = join(repo, 'test/fixtures/corpus');
const example = join(repo, 'examples/kubeadm-control-plane');

const walk = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

const isInput = (file: string) => !file.endsWith('SOURCES.md') && !file.endsWith('expected.json');
const corpusFiles = walk(corpus).filter(isInput);

interface Unit {
  name: string;
  files: Array<{ name: string; content: Uint8Array }>;
}

const upload = (root: string, file: string, prefix = '') => ({
  name: `${prefix}${relative(root, file)}`,
  content: new Uint8Array(readFileSync(file)),
});

const folders = [...new Set(corpusFiles.map((file) => dirname(file)))];
const units: Unit[] = [
  ...corpusFiles.map((file) => ({ name: relative(corpus, file), files: [upload(corpus, file)] })),
  ...folders.map((dir) => ({
    name: `${relative(corpus, dir)}/`,
    files: corpusFiles.filter((file) => dirname(file) === dir).map((file) => upload(corpus, file)),
  })),
  { name: 'examples/kubeadm-control-plane/', files: walk(example).map((file) => upload(example, file, '/')) },
];

/** Certificates are judged at a pinned time, so the reports do not change with the day they are made. */
const AS_OF = new Date('2026-06-01T00:00:00Z');

/** What a reviewer reads in a diff: the verdicts, then one line per finding. */
function summary(report: Report): string[] {
  return [
    ...report.paths.map((path) => `${path.id}: ${path.verdict}`),
    ...report.findings.map(
      (f) => `${f.severity} ${f.ruleId} ${f.location.file}:${f.location.line}:${f.location.column}`,
    ),
    `evaluated ${report.coverage.evaluated.length}, not evaluated ${report.coverage.notEvaluated.length}, input errors ${report.summary.inputErrors}, assessed paths ${report.summary.assessedPaths}, ${report.summary.passed ? 'passed' : 'failed'}`,
  ];
}

/** The whole report but its tool block, as one digest: any change to any field shows. */
function digest(report: Report): string {
  const { tool: _tool, ...rest } = report;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}

describe('reports over the corpus', () => {
  it('has units to lint', () => {
    expect(units.length).toBeGreaterThan(150);
  });

  it('are the pinned ones', async () => {
    const pinned: Record<string, { digest: string; summary: string[] } | { error: string }> = {};
    for (const unit of units) {
      try {
        const report = await lint(unit.files, { ...DEFAULT_OPTIONS, asOf: AS_OF });
        expect(
          report.coverage.notEvaluated.filter((n) => n.reason === RULE_FAILED),
          unit.name,
        ).toEqual([]);
        pinned[unit.name] = { digest: digest(report), summary: summary(report) };
      } catch (error) {
        pinned[unit.name] = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    await expect(`${JSON.stringify(pinned, null, 1)}\n`).toMatchFileSnapshot(
      '__snapshots__/corpus-reports.json',
    );
  });
});
