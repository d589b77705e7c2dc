import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/report/formats/json';
import { Report } from '../../../src/schemas/report';
import { CONTEXT, reportWithFindings, reportWithInputError, reportWithoutFindings } from './sample-reports';

describe('format=json', () => {
  it('is the report itself, valid against the Report schema, for every kind of report', () => {
    for (const report of [reportWithFindings(), reportWithoutFindings(), reportWithInputError()]) {
      expect(Report.parse(JSON.parse(renderJson(report, CONTEXT)))).toEqual(report);
    }
  });

  it('keeps suppressed findings apart, counted, with their suppression', () => {
    const report = reportWithFindings();
    expect(report.summary.suppressed).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).not.toContain('proxy-traffic-unprotected');
    expect(report.suppressed[0]).toMatchObject({
      ruleId: 'proxy-traffic-unprotected',
      suppression: { source: 'option', reason: 'skipRules=proxy-traffic-unprotected' },
    });
    expect(report.paths.find((p) => p.id === 'apiserver-to-nodes-pods-services')?.reason).toMatch(
      /; 1 suppressed$/,
    );
  });
});
