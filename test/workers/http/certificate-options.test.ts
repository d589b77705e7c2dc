/**
 * POST /v1/lint with certificates: asOf and certificateWarningDays as query parameters and in the JSON
 * envelope, echoed in report.options; a bad value is a 400 naming the option; too many certificates a
 * 413 naming the limit.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/catalogue/limits';
import type { Report } from '../../../src/schemas/report';
import { call, multipart } from '../../support/http';
import { kubeadm, pem } from '../../support/pki-uploads';

const EXPIRING = kubeadm({ apiserver: 'apiserver-expiring' });
const lintForm = (files: Array<{ name: string; content: string }>, query: string) =>
  call(`/v1/lint${query}`, { method: 'POST', body: multipart(files) });

describe('POST /v1/lint with certificates', () => {
  it('judges them at asOf with certificateWarningDays, both from the query, and echoes both', async () => {
    const res = await lintForm(EXPIRING, '?asOf=2026-06-01T00:00:00Z&certificateWarningDays=10');
    expect(res.status).toBe(200);
    const report = await res.json<Report>();
    expect(report.options).toMatchObject({ asOf: '2026-06-01T00:00:00.000Z', certificateWarningDays: 10 });
    expect(report.findings.map((f) => f.ruleId)).not.toContain('certificate-expiring-soon');
    const later = await (await lintForm(EXPIRING, '?asOf=2026-06-10T12:00:00%2B02:00')).json<Report>();
    expect(later.options.asOf).toBe('2026-06-10T10:00:00.000Z');
    expect(later.findings.find((f) => f.ruleId === 'certificate-expiring-soon')?.message).toContain(
      'in 4 days',
    );
  });

  it('takes them from the JSON envelope, and defaults asOf to the time of the request', async () => {
    const before = Date.now();
    const res = await call('/v1/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: EXPIRING, options: { certificateWarningDays: 3650 } }),
    });
    const report = await res.json<Report>();
    expect(report.options.certificateWarningDays).toBe(3650);
    expect(Date.parse(report.options.asOf)).toBeGreaterThanOrEqual(before - 1000);
  });

  it.each([
    ['asOf=yesterday', 'asOf'],
    ['asOf=2026-06-01', 'asOf'],
    ['certificateWarningDays=-1', 'certificateWarningDays'],
    ['certificateWarningDays=1.5', 'certificateWarningDays'],
    ['certificateWarningDays=many', 'certificateWarningDays'],
  ])('answers %s with a 400 naming the option', async (query, parameter) => {
    const res = await lintForm(EXPIRING, `?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ type: expect.stringContaining('invalid-option'), parameter });
  });

  it(`answers more than ${LIMITS.maxCertificates} certificates with a 413 naming the limit`, async () => {
    const bundle = pem('ca').repeat(LIMITS.maxCertificates + 1);
    const res = await lintForm(
      [...kubeadm(), { name: '/etc/ssl/certs/ca-certificates.crt', content: bundle }],
      '',
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ limit: 'maxCertificates' });
  });
});
