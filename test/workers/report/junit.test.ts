import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../src/report/formats/junit';
import type { Report } from '../../../src/schemas/report';
import {
  CONTEXT,
  reportWithFindings,
  reportWithHostileText,
  reportWithInputError,
  reportNothingAssessed,
  reportWithoutFindings,
} from './sample-reports';

interface Case {
  '@_name': string;
  '@_file'?: string;
  '@_time': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  error?: { '@_message': string };
  skipped?: { '@_message': string };
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_time': string;
  testcase?: Case[];
}

/** Well-formed XML (a strict validator), then its testsuites. */
function parse(xml: string): { root: Record<string, string>; suites: Suite[] } {
  expect(() => SyntaxValidator.validate(xml)).not.toThrow();
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml);
  return { root: parsed.testsuites, suites: parsed.testsuites.testsuite };
}

const suite = (suites: Suite[], name: string) => suites.find((s) => s['@_name'] === name)!;
const failingFindings = (report: Report) => report.findings.length;

describe('format=junit', () => {
  it('has one testsuite per path plus inputs, one testcase per rule, a failure per failing rule', () => {
    const report = reportWithFindings();
    const { root, suites } = parse(renderJunit(report, CONTEXT));
    expect(suites.map((s) => s['@_name'])).toEqual([...report.paths.map((p) => p.id), 'inputs']);
    const kubelet = suite(suites, 'apiserver-to-kubelet');
    const names = kubelet.testcase!.map((c) => c['@_name'].split(':')[0]);
    expect(names).toEqual(CONTEXT.rules.filter((r) => r.path === 'apiserver-to-kubelet').map((r) => r.id));
    const readOnly = kubelet.testcase!.find((c) => c['@_name'].startsWith('kubelet-read-only-port-enabled'))!;
    expect(readOnly.failure?.['@_type']).toBe('high');
    expect(readOnly.failure?.['#text']).toContain('/var/lib/kubelet/config.yaml:3:1');
    expect(readOnly.failure?.['#text']).toContain('Fix: Set readOnlyPort: 0');
    expect(Number(root['@_failures'])).toBe(failingFindings(report));
    // The suppressed rule passes, and says why in its output.
    const proxy = suite(suites, 'apiserver-to-nodes-pods-services').testcase![0]!;
    expect(proxy.failure).toBeUndefined();
    expect(proxy['system-out']).toContain('Suppressed by option (skipRules=proxy-traffic-unprotected)');
  });

  it('skips the rules that were not evaluated, with the reason', () => {
    const { suites } = parse(renderJunit(reportNothingAssessed(), CONTEXT));
    const proxy = suite(suites, 'apiserver-to-nodes-pods-services').testcase![0]!;
    expect(proxy.skipped?.['@_message']).toMatch(/^not evaluated: no kube-apiserver configuration/);
    expect(suites.filter((s) => s['@_name'] !== 'inputs').every((s) => s['@_failures'] === '0')).toBe(true);
  });

  it('fails the inputs suite with what to upload when no path could be assessed', () => {
    const { suites } = parse(renderJunit(reportNothingAssessed(), CONTEXT));
    const assessed = suite(suites, 'inputs').testcase![0]!;
    expect(assessed['@_name']).toBe('at least one path assessed');
    expect(assessed.failure?.['@_message']).toMatch(
      /^Nothing could be assessed\. Upload: the kube-apiserver's configuration/,
    );
    expect(
      suite(parse(renderJunit(reportWithoutFindings(), CONTEXT)).suites, 'inputs').testcase![0]!.failure,
    ).toBeUndefined();
  });

  it('reports a file that failed to parse as an error in the inputs suite', () => {
    const { root, suites } = parse(renderJunit(reportWithInputError(), CONTEXT));
    const inputs = suite(suites, 'inputs');
    expect(inputs['@_tests']).toBe('3');
    expect(inputs.testcase![2]).toMatchObject({
      '@_name': 'broken.yaml',
      error: { '@_message': expect.stringContaining('YAML syntax error') },
    });
    expect(root['@_errors']).toBe('1');
  });

  it('escapes every character of uploaded names and drops those XML cannot hold', () => {
    const xml = renderJunit(reportWithHostileText(), CONTEXT);
    const { suites } = parse(xml);
    const failure = suite(suites, 'apiserver-to-kubelet').testcase!.find((c) => c.failure)!.failure!;
    expect(failure['#text']).toContain('we<ird> & "odd" \'file\'');
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('the strict check rejects what is not well-formed', () => {
    expect(() => SyntaxValidator.validate('<a><b>&</b></a>')).toThrow();
    expect(() => SyntaxValidator.validate('<a b="1" b="2"/>')).toThrow();
  });

  it('gives a failing case and an input its file, and every suite and case a time', () => {
    const { root, suites } = parse(renderJunit(reportWithFindings(), CONTEXT));
    const readOnly = suite(suites, 'apiserver-to-kubelet').testcase!.find((c) =>
      c['@_name'].startsWith('kubelet-read-only-port-enabled'),
    )!;
    expect(readOnly['@_file']).toBe('/var/lib/kubelet/config.yaml');
    expect(root['@_time']).toBe('0');
    for (const s of suites) {
      expect(s['@_time']).toBe('0');
      for (const c of s.testcase ?? []) {
        expect(c['@_time']).toBe('0');
        if (!c.failure && !c.error && s['@_name'] !== 'inputs') expect(c['@_file']).toBeUndefined();
      }
    }
    const inputs = parse(renderJunit(reportWithInputError(), CONTEXT)).suites;
    const broken = suite(inputs, 'inputs').testcase!.find((c) => c['@_name'] === 'broken.yaml')!;
    expect(broken['@_file']).toBe('broken.yaml');
  });
});
