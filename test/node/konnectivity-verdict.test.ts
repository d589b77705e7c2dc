import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint';
import { WEBSITE_SERVER } from '../support/konnectivity-corpus';
import { docsSetup, edit } from '../support/konnectivity-setup';

const konnectivity = async (files: Array<{ name: string; content: string }>) => {
  const report = await lint(files);
  return {
    path: report.paths.find((p) => p.id === 'konnectivity'),
    findings: report.findings.filter((f) => f.path === 'konnectivity'),
  };
};

describe('the konnectivity path verdict, end to end with lint()', () => {
  it('is secure for the setup-konnectivity task as documented', async () => {
    const { path, findings } = await konnectivity(docsSetup());
    expect(findings).toEqual([]);
    expect(path).toMatchObject({ verdict: 'secure', findings: 0, basis: 'flags' });
    // The 12 Konnectivity rules and the 5 startup-failure rules, which judge its server and agents too, and
    // private-key-uploaded; the path's 5 other certificate rules (expiry, strength, usage, the agent's CA)
    // need the certificates.
    expect(path?.reason).toBe(
      '18 of 23 rules evaluated, no findings; from flags; upload the certificates to verify',
    );
  });

  it('is insecure when the server speaks http-connect to a GRPC egress selection', async () => {
    const { path, findings } = await konnectivity(
      docsSetup({ server: edit(WEBSITE_SERVER, '--mode=grpc', '--mode=http-connect') }),
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['konnectivity-mode-mismatch']);
    expect(findings[0]?.related.map((l) => l.file)).toEqual([
      '/etc/kubernetes/egress-selector-configuration.yaml',
    ]);
    expect(path).toMatchObject({ verdict: 'insecure', findings: 1 });
  });

  it('is not assessed when the egress selector file was not uploaded', async () => {
    const { path, findings } = await konnectivity(docsSetup({}, ['egress']));
    expect(findings).toEqual([]);
    expect(path?.verdict).toBe('not-assessed');
    expect(path?.reason).toContain('/etc/kubernetes/egress-selector-configuration.yaml was not uploaded');
  });

  it('is not assessed when the agents were not uploaded', async () => {
    const { path } = await konnectivity(docsSetup({}, ['agent']));
    expect(path?.verdict).toBe('not-assessed');
    expect(path?.reason).toContain('konnectivity-agent');
  });

  it('is not configured without --egress-selector-config-file', async () => {
    const { path } = await konnectivity(
      docsSetup({}, ['egress', 'server', 'agent', 'rbac']).map((f) => ({
        ...f,
        content: edit(f.content, /\n {4}- --egress-selector-config-file=\S+/, ''),
      })),
    );
    expect(path?.verdict).toBe('not-configured');
  });
});
