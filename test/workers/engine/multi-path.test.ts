/**
 * A rule of several paths: each finding names the path of the component it concerns, counts for that
 * path's verdict, and links to that path's anchor first; a finding that names no path of the rule is the
 * rule's bug, reported as such.
 */
import { describe, expect, it } from 'vitest';
import { RULE_FAILED, runRules } from '../../../src/engine/run-rules';
import { defineRule, type Rule } from '../../../src/engine/rule';
import { ingestAll } from '../../support/ingest';
import { buildClusterModel } from '../../../src/model/cluster-model';
import { pathVerdicts } from '../../../src/report/verdicts';
import { apiserver, kubeletConfig, upload } from '../../../src/rules/support/examples';
import type { PathId } from '../../../src/schemas/common';

function fakeRule(findingPaths: Array<PathId | undefined>): Rule {
  return defineRule({
    id: 'every-component-noticed',
    paths: ['node-to-control-plane', 'apiserver-to-kubelet'],
    severity: 'high',
    category: 'breakage',
    title: 'Noticed',
    description: 'A test rule.',
    remediation: 'Nothing.',
    links: [],
    references: [],
    requires: [],
    check: (model) =>
      findingPaths.map((path, i) => ({
        subject: `component ${i}`,
        message: 'noticed',
        location: model.apiServers[0]?.flags.insertAt ?? {
          file: 'x',
          line: 1,
          column: 1,
          pointer: '',
          document: 0,
          default: true,
        },
        evidence: 'noticed',
        ...(path ? { path } : {}),
      })),
  });
}

const model = () =>
  buildClusterModel(ingestAll(upload(apiserver(['--authorization-mode=Node,RBAC']), kubeletConfig()).files), {
    network: 'untrusted',
    kubernetesVersion: null,
  });

describe('a rule of several paths', () => {
  it('gives each finding its own path, counted by the verdict of that path', () => {
    const rule = fakeRule(['apiserver-to-kubelet']);
    const results = runRules([rule], model());
    expect(results.findings.map((f) => f.path)).toEqual(['apiserver-to-kubelet']);
    expect(results.findings[0]?.links[0]).toMatch(/#api-server-to-kubelet$/);
    const verdicts = pathVerdicts(model(), [rule], results);
    expect(verdicts.find((v) => v.id === 'apiserver-to-kubelet')).toMatchObject({
      verdict: 'insecure',
      findings: 1,
    });
    expect(verdicts.find((v) => v.id === 'node-to-control-plane')).toMatchObject({
      verdict: 'secure',
      findings: 0,
    });
  });

  it('is reported as failed when a finding names no path, or one it does not judge', () => {
    for (const paths of [[undefined], ['konnectivity' as const]]) {
      const results = runRules([fakeRule(paths)], model());
      expect(results.findings).toEqual([]);
      expect(results.notEvaluated).toEqual([{ ruleId: 'every-component-noticed', reason: RULE_FAILED }]);
    }
  });
});
