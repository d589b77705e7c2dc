/**
 * What a rule says it could not judge: each reason listed once, and the rule listed as evaluated unless
 * its reasons stand for every subject it judges (here, each API server). A reason may stand for many
 * parts at once (`times`): a thousand leaves that present one certificate are counted, not said again.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/engine/run-rules';
import { defineRule, type Rule } from '../../../src/engine/rule';
import { buildClusterModel } from '../../../src/model/cluster-model';
import { apiserver, upload } from '../../../src/rules/support/examples';
import { ingestAll } from '../../support/ingest';

function skipping(calls: Array<[string, number?]>): Rule {
  return defineRule({
    id: 'skips-some',
    path: 'node-to-control-plane',
    severity: 'low',
    category: 'security',
    title: 'Skips',
    description: 'A test rule.',
    remediation: 'Nothing.',
    links: [],
    references: [],
    requires: ['apiserver'],
    check: (_model, context) => {
      for (const [reason, times] of calls) context.notEvaluated(reason, times);
      return [];
    },
  });
}

// Two API servers: a rule whose reasons count two skipped parts judged nothing.
const model = () =>
  buildClusterModel(
    ingestAll([
      ...upload(apiserver(['--authorization-mode=Node,RBAC'])).files,
      {
        ...upload(apiserver(['--authorization-mode=Node,RBAC'])).files[0]!,
        name: '/node-b/etc/kubernetes/manifests/kube-apiserver.yaml',
      },
    ]),
    { network: 'untrusted', kubernetesVersion: null },
  );

describe('reasons a rule could not judge', () => {
  it('lists each reason once, in the order first said', () => {
    const results = runRules([skipping([['b'], ['a'], ['b']])], model());
    expect(results.notEvaluated.map((n) => n.reason)).toEqual(['b', 'a']);
    expect(results.evaluated).toEqual([]); // three reasons for two API servers
  });

  it('counts a reason said once for many parts as many', () => {
    expect(model().apiServers).toHaveLength(2);
    expect(runRules([skipping([['every leaf', 2]])], model()).evaluated).toEqual([]);
    expect(runRules([skipping([['one leaf', 1]])], model()).evaluated).toEqual(['skips-some']);
    expect(
      runRules(
        [
          skipping([
            ['same', 1],
            ['same', 1],
          ]),
        ],
        model(),
      ).evaluated,
    ).toEqual([]);
  });
});
