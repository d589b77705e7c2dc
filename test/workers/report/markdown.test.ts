import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/report/formats/markdown';
import {
  CONTEXT,
  reportWithFindings,
  reportWithHostileText,
  reportWithInputError,
  reportWithoutFindings,
} from './sample-reports';

const tableRows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| `'));

describe('format=markdown', () => {
  it('starts with the verdict table, then the findings, then the suppressed ones folded', () => {
    const markdown = renderMarkdown(reportWithFindings(), CONTEXT);
    expect(markdown.startsWith('### kube-comms-lint: ❌ failed: 2 findings (2 high), 1 suppressed\n')).toBe(
      true,
    );
    expect(tableRows(markdown)).toHaveLength(5);
    expect(markdown).toContain('| `apiserver-to-kubelet` | ❌ insecure | 2 |');
    const findings = markdown.indexOf('#### Findings');
    expect(findings).toBeGreaterThan(markdown.indexOf('| `konnectivity`'));
    expect(markdown).toContain(
      '- **HIGH** `kubelet-read-only-port-enabled`: The kubelet serves its read-only port  \n  `/var/lib/kubelet/config.yaml:3:1`',
    );
    expect(markdown).toContain(
      '([docs](https://kubernetes.io/docs/concepts/architecture/control-plane-node-communication/#api-server-to-kubelet))',
    );
    expect(markdown).toMatch(
      /<details><summary>1 suppressed finding<\/summary>[\s\S]*proxy-traffic-unprotected/,
    );
  });

  it('says passed without a findings section for a clean report', () => {
    const markdown = renderMarkdown(reportWithoutFindings(), CONTEXT);
    expect(markdown).toContain('✅ passed: 0 findings');
    expect(markdown).not.toContain('#### Findings');
  });

  it('lists input errors', () => {
    expect(renderMarkdown(reportWithInputError(), CONTEXT)).toContain(
      '#### Input errors\n\n- `broken.yaml:3:16` YAML syntax error',
    );
  });

  it('renders uploaded text as text: no HTML, no table breaks, no mentions', () => {
    const markdown = renderMarkdown(reportWithHostileText(), CONTEXT);
    // Code spans show their content literally; everywhere else '<' must be an entity.
    const outsideCode = markdown.replace(/(`+)[^`][\s\S]*?[^`]\1(?!`)/g, '');
    expect(outsideCode).not.toContain('<ird>');
    expect(markdown).toContain('we&lt;ird&gt; &amp; "odd"');
    expect(markdown).toContain('\\@team');
    expect(markdown).toContain('\\|pipe\\|');
    for (const row of tableRows(markdown)) expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
    // A code span with backticks inside gets a longer fence.
    expect(markdown).toContain('``we<ird> & "odd" \'file\' |pipe| `tick` @team');
  });
});
