/**
 * Egress files uploaded without the API servers that name them are paired with every konnectivity
 * server, a guess: past MAX_PAIRS guessed pairs the rest are left unpaired, and the two rules that
 * judge pairs say how many, instead of making a finding per pair (millions, from a few MB).
 */
import { describe, expect, it } from 'vitest';
import { buildClusterModel } from '../../../src/model/cluster-model';
import { MAX_PAIRS, proxiedSelections } from '../../../src/model/konnectivity-pairing';
import modeMismatch from '../../../src/rules/konnectivity/konnectivity-mode-mismatch';
import udsMismatch from '../../../src/rules/konnectivity/konnectivity-uds-mismatch';
import {
  EGRESS_SELECTOR_FILE,
  egressSelector,
  konnectivityServer,
} from '../../../src/rules/support/examples';
import { ingestAll } from '../../support/ingest';
import { lintWithRule } from '../../support/rule-tester';

/** `count` documents of `file` in one file, each server named apart. */
const documents = (file: { name: string; content: string }, count: number) => ({
  name: file.name,
  content: Array.from({ length: count }, (_, i) =>
    file.content.replace('name: konnectivity-server\n', `name: konnectivity-server-${i}\n`),
  ).join('---\n'),
});

/** 101 servers over HTTP CONNECT on another socket, and `selectors` egress files dialing GRPC. */
const upload = (selectors: number) => [
  documents(konnectivityServer(['--uds-name=/var/run/other.socket', '--mode=http-connect']), 101),
  documents({ ...egressSelector(), name: EGRESS_SELECTOR_FILE }, selectors),
];

describe('proxiedSelections', () => {
  const model = (selectors: number) =>
    buildClusterModel(ingestAll(upload(selectors)), { network: 'untrusted', kubernetesVersion: null });

  it('pairs every selection with every server while the pairs stay within MAX_PAIRS', () => {
    const { proxied, unpaired } = proxiedSelections(model(99));
    expect(proxied.reduce((n, p) => n + p.servers.length, 0)).toBe(99 * 101);
    expect(unpaired).toBe(0);
  });

  it('leaves the selections past MAX_PAIRS unpaired, and counts them', () => {
    const { proxied, unpaired } = proxiedSelections(model(150));
    // 99 selections make 9,999 pairs; the 100th passes MAX_PAIRS, and the 50 after it are not paired.
    expect(proxied).toHaveLength(Math.ceil(MAX_PAIRS / 101));
    expect(unpaired).toBe(150 - Math.ceil(MAX_PAIRS / 101));
  });

  it.each([modeMismatch, udsMismatch])('$id says how many selections it did not pair', async (rule) => {
    const results = await lintWithRule(rule, upload(150));
    expect(results.notEvaluated.map((n) => n.reason).join('\n')).toContain(
      '50 egress selections were not paired with konnectivity servers',
    );
    expect(results.counted.length).toBeLessThanOrEqual(MAX_PAIRS + 101 * 2);
    expect(results.counted.length).toBeGreaterThan(0);
  });
});
