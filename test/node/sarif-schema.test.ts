/** SARIF output against the official SARIF 2.1.0 JSON schema, as shipped by @microsoft/jest-sarif. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE, lint } from '../../src/lint';
import { toSarif } from '../../src/report/formats/sarif';
import { exampleIn, exampleReport } from '../../src/routes/examples';
import {
  CONTEXT,
  reportWithFindings,
  reportWithHostileText,
  reportWithInputError,
  reportWithoutFindings,
} from '../workers/report/sample-reports';

const require = createRequire(import.meta.url);
// The schema is draft-04; one of its patterns is not valid as a unicode regular expression.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));

function expectValid(log: unknown) {
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

const EXAMPLE = new URL('../../examples/kubeadm-control-plane/', import.meta.url).pathname;
const bundle = [
  '/etc/kubernetes/manifests/kube-apiserver.yaml',
  '/etc/kubernetes/manifests/kube-controller-manager.yaml',
  '/etc/kubernetes/manifests/kube-scheduler.yaml',
  '/etc/kubernetes/kubelet.conf',
  '/var/lib/kubelet/config.yaml',
  '/var/lib/kubelet/kubeadm-flags.env',
].map((name) => ({ name, content: readFileSync(`${EXAMPLE}${name.slice(1)}`, 'utf8') }));

describe('format=sarif validates against the SARIF 2.1.0 schema', () => {
  it('for a report with findings and a suppressed one', () => {
    expectValid(toSarif(reportWithFindings(), CONTEXT));
  });
  it('for a report without findings', () => {
    expectValid(toSarif(reportWithoutFindings(), CONTEXT));
  });
  it('for a report with an input error', () => {
    expectValid(toSarif(reportWithInputError(), CONTEXT));
  });
  it('for uploaded names that need percent-encoding', () => {
    expectValid(toSarif(reportWithHostileText(), CONTEXT));
  });

  it('for the kubeadm example with the whole registry in driver.rules', async () => {
    const log = toSarif(await lint(bundle), { rules: RULE_CATALOGUE });
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    expectValid(log);
  });

  it('for the example in openapi.yaml', async () => {
    expectValid(JSON.parse(exampleIn(await exampleReport(), 'sarif')));
  });

  it('and the schema does reject a 0-based region', () => {
    const log = toSarif(reportWithFindings(), CONTEXT);
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
  });
});
