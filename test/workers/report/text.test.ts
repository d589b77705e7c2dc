import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/report/formats/text';
import {
  CONTEXT,
  reportWithFindings,
  reportWithHostileText,
  reportWithInputError,
  reportNothingAssessed,
  reportWithoutFindings,
} from './sample-reports';

const ESC = '\u001b';

describe('format=text', () => {
  it('shows path verdicts first, then each finding under its path with file:line, fix and one link', () => {
    const report = reportWithFindings();
    // Unwrapped, to find each message whole; wrapping has its own test below.
    const text = renderText(report, { ...CONTEXT, width: 400 });
    expect(text).toContain('failed: 2 findings (2 high), 1 suppressed');
    const paths = text.indexOf('Paths:');
    const section = text.indexOf('\napiserver-to-kubelet: insecure');
    expect(paths).toBeGreaterThan(0);
    expect(section).toBeGreaterThan(paths);
    for (const finding of report.findings) {
      const at = text.indexOf(`${finding.location.file}:${finding.location.line}:`);
      expect(at).toBeGreaterThan(section - 1000);
      expect(text).toContain(finding.message);
      expect(text).toContain(`Fix: ${finding.remediation}`);
      expect(text).toContain(`See: ${finding.links[0]}`);
    }
    expect(text).toMatch(
      /Suppressed \(1\):\n {2}.*proxy-traffic-unprotected \(high\), by option: skipRules=proxy-traffic-unprotected/,
    );
  });

  it('has no ANSI escapes unless color is asked for', () => {
    const report = reportWithFindings();
    expect(renderText(report, CONTEXT)).not.toContain(ESC);
    expect(renderText(report, { ...CONTEXT, color: true })).toContain(`${ESC}[31mHIGH${ESC}[0m`);
  });

  it('says passed for a clean report and lists input errors with file:line:column', () => {
    expect(renderText(reportWithoutFindings(), CONTEXT)).toContain('passed: 0 findings');
    const text = renderText(reportWithInputError(), CONTEXT);
    expect(text).toContain('failed: nothing could be assessed, 0 findings, 1 input error');
    expect(text).toContain('Input errors (1):\n  broken.yaml:3:16  YAML syntax error');
  });

  it('never lets control characters from an upload reach the terminal', () => {
    const text = renderText(reportWithHostileText(), CONTEXT);
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
    expect(text).toContain('\ufffd[31mred\ufffd.yaml');
  });

  it('wraps every line at width (default 100), continuation lines indented, words kept whole', () => {
    const report = reportWithFindings();
    for (const width of [undefined, 60]) {
      const text = renderText(report, { ...CONTEXT, ...(width ? { width } : {}) });
      const lines = text.split('\n');
      const limit = width ?? 100;
      // Only an unbreakable word (a URL) may pass the width, beside its label.
      for (const line of lines.filter((l) => l.length > limit))
        expect(line).toMatch(/^ +See: https:\/\/\S+$/);
      const unwrapped = text.replace(/\n {5,}/g, ' ');
      for (const finding of report.findings) expect(unwrapped).toContain(finding.message);
    }
    expect(renderText(report, { ...CONTEXT, width: 60 }).split('\n').length).toBeGreaterThan(
      renderText(report, CONTEXT).split('\n').length,
    );
  });

  it('compact: one line per finding (file:line:column severity rule message), then the verdict', () => {
    const report = reportWithFindings();
    const lines = renderText(report, { ...CONTEXT, compact: true })
      .trimEnd()
      .split('\n');
    expect(lines).toEqual([
      ...report.findings.map(
        (f) =>
          `${f.location.file}:${f.location.line}:${f.location.column} ${f.severity} ${f.ruleId} ${f.message}`,
      ),
      'failed: 2 findings (2 high), 1 suppressed',
    ]);
    const broken = renderText(reportWithInputError(), { ...CONTEXT, compact: true });
    expect(broken).toMatch(/^broken\.yaml:3:16 error input-error YAML syntax error/);
  });

  it('summarises what was not evaluated in one line, and lists it with verbose', () => {
    const report = reportNothingAssessed();
    const { notEvaluated } = report.coverage;
    expect(notEvaluated.length).toBeGreaterThan(1);
    const reasons = new Set(notEvaluated.map((item) => item.reason)).size;
    const text = renderText(report, CONTEXT);
    expect(text).toContain(
      `Not evaluated: ${notEvaluated.length} rules for want of ${reasons} input${reasons === 1 ? '' : 's'} (verbose=true lists them).`,
    );
    expect(text).not.toContain(`  ${notEvaluated[0]!.ruleId}: `);
    const verbose = renderText(report, { ...CONTEXT, verbose: true, width: 400 });
    for (const item of notEvaluated) expect(verbose).toContain(`  ${item.ruleId}: ${item.reason}`);
  });
});
