import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/report/formats/text';
import {
  CONTEXT,
  reportWithFindings,
  reportWithHostileText,
  reportWithInputError,
  reportWithoutFindings,
} from './sample-reports';

const ESC = '\u001b';

describe('format=text', () => {
  it('shows path verdicts first, then each finding under its path with file:line, fix and one link', () => {
    const report = reportWithFindings();
    const text = renderText(report, CONTEXT);
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
});
