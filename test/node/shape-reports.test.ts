/**
 * The reports of `npm run bench`'s generated shapes (many static pods, a /configz dump, RBAC objects as
 * documents and as one `kind: List`), pinned like the corpus's: they exercise at scale what the corpus
 * has only a little of (findings per pod, suppressions inside a List, RBAC lookups), so an optimisation
 * of the reader, the model, suppressions or fingerprints that changed any report would show here.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, lint } from '../../src/lint';
import { SHAPES } from '../../scripts/bench/shapes';

/** Certificates are judged at a time; the report echoes it, so it is fixed. */
const AS_OF = new Date('2026-06-01T00:00:00Z');

describe('reports of the benchmark shapes', () => {
  it('are the pinned ones', async () => {
    const pinned: Record<string, { digest: string; findings: string[] }> = {};
    const encoder = new TextEncoder();
    for (const [shape, make] of Object.entries(SHAPES)) {
      for (const kib of [16, 256]) {
        const files = make(kib * 1024).map((file) => ({
          name: file.name,
          content: encoder.encode(file.content),
        }));
        const { tool: _tool, ...report } = await lint(files, { ...DEFAULT_OPTIONS, asOf: AS_OF });
        const counts = new Map<string, number>();
        const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
        for (const finding of report.findings) count(finding.ruleId);
        for (const finding of report.suppressed) count(`${finding.ruleId} (suppressed)`);
        pinned[`${shape}@${kib}KiB`] = {
          digest: createHash('sha256').update(JSON.stringify(report)).digest('hex').slice(0, 16),
          findings: [...counts].map(([key, n]) => `${key}: ${n}`).sort(),
        };
      }
    }
    await expect(`${JSON.stringify(pinned, null, 1)}\n`).toMatchFileSnapshot(
      '__snapshots__/shape-reports.json',
    );
  });
});
