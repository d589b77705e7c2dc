/**
 * Nothing judged is not a pass (DESIGN.md): a report in which no path could be assessed fails, and every
 * format says what to upload.
 */
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../../src/report/formats';
import { lint } from '../../../src/lint';
import { CONTEXT, reportNothingAssessed, reportWithoutFindings } from './sample-reports';

const APISERVER = "the kube-apiserver's configuration";

describe('a report that could assess no path', () => {
  it('fails, counts 0 assessed paths and lists what to upload', () => {
    const { summary } = reportNothingAssessed();
    expect(summary).toMatchObject({ findings: 0, inputErrors: 0, assessedPaths: 0, passed: false });
    expect(summary.toUpload[0]).toContain(APISERVER);
  });

  it('a lone kubelet command line is not a pass', async () => {
    const report = await lint([
      {
        name: '/proc/1/cmdline',
        content: '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --read-only-port=0\n',
      },
    ]);
    expect(report.paths.every((path) => path.verdict === 'not-assessed')).toBe(true);
    expect(report.summary).toMatchObject({ assessedPaths: 0, passed: false });
  });

  it.each(Object.keys(FORMATTERS) as Array<keyof typeof FORMATTERS>)('says so in format=%s', (format) => {
    const output = FORMATTERS[format].render(reportNothingAssessed(), CONTEXT);
    if (format === 'json') {
      const { summary } = JSON.parse(output) as ReturnType<typeof reportNothingAssessed>;
      expect(summary.assessedPaths).toBe(0);
      expect(summary.toUpload[0]).toContain(APISERVER);
      return;
    }
    expect(output).toMatch(/Nothing could be assessed/);
    if (format !== 'svg') expect(output).toContain(APISERVER);
  });

  it('a report with assessed paths passes and asks for nothing more', () => {
    const { summary } = reportWithoutFindings();
    expect(summary.assessedPaths).toBeGreaterThan(0);
    expect(summary.passed).toBe(true);
    expect(summary.toUpload.join()).not.toContain(APISERVER);
    for (const format of Object.keys(FORMATTERS) as Array<keyof typeof FORMATTERS>)
      expect(FORMATTERS[format].render(reportWithoutFindings(), CONTEXT)).not.toMatch(
        /Nothing could be assessed/,
      );
  });
});
