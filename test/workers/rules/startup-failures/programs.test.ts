/**
 * What the startup-failure rules share per program stays small whatever the upload holds: no value
 * judgement kept for a flag the program lacks, and one program's findings of a rule cut to the listed
 * hundred.
 */
import { describe, expect, it } from 'vitest';
import { buildClusterModel } from '../../../../src/model/cluster-model';
import {
  findingsPerWrittenFlag,
  judgedFlags,
  programsOf,
  valueProblemsOf,
} from '../../../../src/rules/support/programs';
import { apiserverPod, manifestPath } from '../../../support/fixtures';
import { ingestAll } from '../../../support/ingest';

const apiServerWith = (flags: string[]) =>
  programsOf(
    buildClusterModel(ingestAll([{ name: manifestPath('kube-apiserver'), content: apiserverPod(flags) }]), {
      network: 'untrusted',
      kubernetesVersion: null,
    }),
  ).find((program) => program.program === 'kube-apiserver')!;

describe('the programs of the startup-failure rules', () => {
  it('keeps value judgements for the flags the program has, none for the others', () => {
    const program = apiServerWith([
      '--tls-min-version=VersionTLS14',
      ...Array.from({ length: 1000 }, (_, i) => `--not-a-flag-${i}=x`),
    ]);
    for (const judged of judgedFlags(program)) valueProblemsOf(judged, program);
    expect([...program.judgements.values.keys()]).not.toContain('not-a-flag-0');
    expect(program.judgements.values.has('tls-min-version')).toBe(true);
  });

  it('keeps 99 findings of one program and one that counts the rest', () => {
    const program = apiServerWith(Array.from({ length: 250 }, (_, i) => `--not-a-flag-${i}=x`));
    const findings = findingsPerWrittenFlag(program, (_, { flag }) =>
      flag.name.startsWith('not-a-flag')
        ? [{ subject: flag.name, message: `${flag.name} is unknown.`, location: flag.location, evidence: '' }]
        : [],
    );
    expect(findings).toHaveLength(100);
    expect(findings[98]?.subject).toBe('not-a-flag-98');
    expect(findings[99]?.message).toBe(
      `not-a-flag-99 is unknown. ${program.name} has 150 more findings of this rule after this one, not listed one by one: fix these and lint again.`,
    );
  });
});
