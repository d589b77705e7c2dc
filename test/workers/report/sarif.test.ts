import { describe, expect, it } from 'vitest';
import { renderSarif, toSarif } from '../../../src/report/formats/sarif';
import { CONTEXT, reportWithFindings, reportWithInputError, reportWithoutFindings } from './sample-reports';

// Schema validation against the official SARIF 2.1.0 schema is in test/node/sarif-schema.test.ts.
describe('format=sarif', () => {
  it('lists every rule of the registry in driver.rules, in registry order, with help and level', () => {
    const driver = toSarif(reportWithoutFindings(), CONTEXT).runs[0]!.tool.driver;
    expect(driver.rules.map((rule) => rule.id)).toEqual(CONTEXT.rules.map((rule) => rule.id));
    for (const rule of driver.rules) {
      expect(rule.helpUri).toMatch(
        /^https:\/\/kubernetes\.io\/docs\/concepts\/architecture\/control-plane-node-communication\/#/,
      );
      expect(rule.help.text).toBe(CONTEXT.rules.find((r) => r.id === rule.id)?.remediation);
      expect(rule.fullDescription.text.length).toBeGreaterThan(20);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(
      driver.rules.find((rule) => rule.id === 'kubelet-anonymous-auth-enabled')?.defaultConfiguration.level,
    ).toBe('error');
  });

  it('gives results a ruleIndex into driver.rules, relative URIs, 1-based regions and our fingerprint', () => {
    const report = reportWithFindings();
    const run = toSarif(report, CONTEXT).runs[0]!;
    expect(run.results).toHaveLength(report.findings.length + report.suppressed.length);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).not.toMatch(/^\//);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
    const readOnly = run.results.find((result) => result.ruleId === 'kubelet-read-only-port-enabled')!;
    expect(readOnly.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'var/lib/kubelet/config.yaml' },
      region: { startLine: 3, startColumn: 1 },
    });
    const fingerprint = report.findings.find(
      (f) => f.ruleId === 'kubelet-read-only-port-enabled',
    )?.fingerprint;
    expect(readOnly.partialFingerprints).toEqual({
      'kubeCommsLint/v1': fingerprint,
      primaryLocationLineHash: `${fingerprint}:1`,
    });
    expect(readOnly.level).toBe('error');
  });

  it('marks suppressed findings with a SARIF suppression and its justification', () => {
    const run = toSarif(reportWithFindings(), CONTEXT).runs[0]!;
    const suppressed = run.results.filter((result) => 'suppressions' in result);
    expect(suppressed.map((result) => result.ruleId)).toEqual(['proxy-traffic-unprotected']);
    expect(suppressed[0]).toMatchObject({
      suppressions: [
        { kind: 'external', status: 'accepted', justification: 'skipRules=proxy-traffic-unprotected' },
      ],
    });
  });

  it('reports input errors as tool execution notifications with their place', () => {
    const invocation = toSarif(reportWithInputError(), CONTEXT).runs[0]!.invocations[0]!;
    // A lone kubelet beside the broken file: no path could be assessed either, which is said last.
    expect(invocation.toolExecutionNotifications.map((n) => n.descriptor.id)).toEqual([
      'input-error',
      'nothing-assessed',
    ]);
    expect(invocation.toolExecutionNotifications.slice(0, 1)).toEqual([
      expect.objectContaining({
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'broken.yaml' },
              region: { startLine: 3, startColumn: 16 },
            },
          },
        ],
      }),
    ]);
  });

  it('has no results and no notifications for a clean report, and renders JSON', () => {
    const log = JSON.parse(renderSarif(reportWithoutFindings(), CONTEXT));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([]);
  });

  it('gives GitHub code scanning what it reads: rule names, security-severity, tags, the category', () => {
    const run = toSarif(reportWithFindings(), CONTEXT).runs[0]!;
    expect(run.automationDetails).toEqual({ id: 'kube-comms-lint/' });
    const rules = run.tool.driver.rules;
    const readOnly = rules.find((rule) => rule.id === 'kubelet-read-only-port-enabled')!;
    expect(readOnly.name).toBe('KubeletReadOnlyPortEnabled');
    expect(readOnly.properties.tags).toEqual(['security', 'apiserver-to-kubelet', 'kubernetes']);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      if (rule.properties.tags[0] === 'security') {
        expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
      }
    }
    // The same descriptors for every report of one catalogue: built once.
    expect(toSarif(reportWithoutFindings(), CONTEXT).runs[0]!.tool.driver.rules).toBe(rules);
  });

  it('is compact JSON unless pretty is asked for', () => {
    const compact = renderSarif(reportWithFindings(), CONTEXT);
    const pretty = renderSarif(reportWithFindings(), { ...CONTEXT, pretty: true });
    expect(compact).not.toContain('\n');
    expect(pretty).toContain('\n  "runs": [');
    expect(JSON.parse(compact)).toEqual(JSON.parse(pretty));
    expect(compact.length).toBeLessThan(pretty.length * 0.8);
  });
});
