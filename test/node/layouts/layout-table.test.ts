/**
 * One table of layouts (src/ingest/layouts.ts): the README's "What to upload" table is it, cell for
 * cell, and every row names the modules that read it and tests that read real files of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYOUTS } from '../../../src/ingest/layouts';

const repo = new URL('../../../', import.meta.url).pathname;
const readme = readFileSync(`${repo}README.md`, 'utf8');

/** The rows of the table under "## What to upload", as trimmed cells. */
function readmeRows(): string[][] {
  const section = readme.slice(readme.indexOf('## What to upload'));
  const table = section.slice(
    section.indexOf('| Layout'),
    section.indexOf('\n\n', section.indexOf('| Layout')),
  );
  return table
    .split('\n')
    .slice(2)
    .map((row) =>
      row
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
}

describe('the layout table', () => {
  it("is the README's What to upload table, row for row", () => {
    expect(readmeRows()).toEqual(LAYOUTS.map((layout) => [layout.name, layout.files, layout.collects]));
  });

  it.each(LAYOUTS.map((layout) => [layout.name, layout] as const))(
    '%s: its readers exist and a test reads real files of it',
    (_name, layout) => {
      for (const file of layout.readBy) expect(existsSync(`${repo}${file}`), file).toBe(true);
      expect(layout.testedBy.length).toBeGreaterThan(0);
      for (const file of layout.testedBy) {
        expect(existsSync(`${repo}${file}`), file).toBe(true);
        expect(readFileSync(`${repo}${file}`, 'utf8')).toMatch(/corpus/);
      }
    },
  );
});
