/**
 * Every real configuration file in the corpus (test/fixtures/corpus, see its SOURCES.md) goes through
 * the HTTP API: never a 5xx, always a report or a clear 400, and every document is either recognized
 * or listed as unrecognized with a note.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Problem } from '../../src/schemas/problem';
import type { Report } from '../../src/schemas/report';

const root = new URL('../fixtures/corpus/', import.meta.url).pathname;
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );
const files = walk(root).filter((file) => !file.endsWith('SOURCES.md') && !file.endsWith('expected.json'));
const app = createApp();

describe('corpus', () => {
  it('has the files SOURCES.md lists', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    '%s lints without a server error',
    async (name, file) => {
      const form = new FormData();
      form.append('file', new File([readFileSync(file)], name));
      const res = await app.request('/v1/lint', { method: 'POST', body: form });
      expect(res.status, await res.clone().text()).toBeLessThan(500);
      if (res.status === 400) {
        const problem = await res.json<Problem>();
        expect(problem.files?.[0]?.reason).toBeTruthy();
        return;
      }
      expect(res.status).toBe(200);
      const report = await res.json<Report>();
      expect(report.inputs).toHaveLength(1);
      for (const doc of report.inputs[0]?.documents ?? []) {
        if (!doc.recognized) expect(doc.note, `${name} ${doc.kind}`).toBeTruthy();
      }
    },
  );
});
