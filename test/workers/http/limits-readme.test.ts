/// <reference types="vite/client" />
/**
 * The README's table of limits is the API's documentation of `limit`: every limit of LIMITS that a
 * problem can name is in it, with its value, so the table cannot drift from the code.
 */
import { describe, expect, it } from 'vitest';
import readme from '../../../README.md?raw';
import { LIMITS } from '../../../src/catalogue/limits';

/** 5242880 → "5 MiB", 20000 → "20,000", as the table writes them. */
function written(value: number): string {
  if (value >= 1024 * 1024 && value % (1024 * 1024) === 0) return `${value / (1024 * 1024)} MiB`;
  return value.toLocaleString('en-US');
}

describe('README limits', () => {
  const table = readme.slice(readme.indexOf('## Limits'), readme.indexOf('## Rate limiting'));
  const problems = [
    'maxBodyBytes',
    'maxFiles',
    'maxDocuments',
    'maxExpandedNodes',
    'maxMaterializedBytes',
    'maxDepth',
    'maxAliases',
    'maxCertificates',
    'maxCommandLineWords',
  ] as const;

  it.each(problems)('lists %s with its value', (name) => {
    const row = table.split('\n').find((line) => line.startsWith(`| \`${name}\``));
    expect(row, name).toBeDefined();
    expect(row).toContain(written(LIMITS[name]));
  });

  it('states the answer caps with their values', () => {
    expect(table).toContain(`at most ${LIMITS.maxFindingsPerRule} findings of one rule`);
    expect(table).toContain(`cut at ${written(LIMITS.maxQuotedChars)} characters`);
  });

  it('names every limit a problem can carry', () => {
    const caps = ['maxFindingsPerRule', 'maxQuotedChars'];
    expect(
      Object.keys(LIMITS)
        .filter((name) => !caps.includes(name))
        .sort(),
    ).toEqual([...problems].sort());
  });
});
