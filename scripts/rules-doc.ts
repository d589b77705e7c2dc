/** Renders docs/rules.md from the rule registry: one section per rule, grouped by path. */
import { PATHS } from '../src/catalogue/paths';
import type { Rule, RuleExample } from '../src/engine/rule';
import type { RuleExamples } from '../src/rules/support/examples';
import { RULESET_VERSION } from '../src/lint';
import { RULES } from '../src/rules';
import { describeRule } from '../src/engine/describe-rule';
import { loadRuleExamples } from './rule-examples';

export async function renderRulesDoc(): Promise<string> {
  const examples = await loadRuleExamples();
  const out: string[] = [
    '# kube-comms-lint rules',
    '',
    `Generated from the rule registry (ruleset ${RULESET_VERSION}) by \`npm run generate\`; do not edit by hand.`,
    'Severities are for `network=untrusted` (the default); the trusted column shows `network=trusted`.',
    '',
  ];
  for (const path of PATHS) {
    const rules = RULES.filter((rule) => rule.path === path.id);
    out.push(`## ${path.title} (\`${path.id}\`)`, '', `${path.description} See ${path.link}.`, '');
    const shared = RULES.filter((rule) => rule.paths?.includes(path.id)).map((rule) => `\`${rule.id}\``);
    if (shared.length > 0) out.push(`Rules of several paths judge it too: ${shared.join(', ')} (below).`, '');
    if (rules.length === 0) {
      out.push('No rule of this path alone judges it yet.', '');
      continue;
    }
    out.push(...renderRules(rules, examples));
  }
  const several = RULES.filter((rule) => rule.paths !== undefined);
  if (several.length > 0) {
    out.push(
      '## Rules of several paths',
      '',
      'These judge every component; each finding names the path of the component it concerns.',
      '',
      ...renderRules(several, examples),
    );
  }
  return out.join('\n');
}

function renderRules(rules: readonly Rule[], examples: ReadonlyMap<string, RuleExamples>): string[] {
  const out = ['| id | severity | trusted | category |', '|---|---|---|---|'];
  for (const rule of rules) {
    const info = describeRule(rule);
    out.push(
      `| [\`${info.id}\`](#${info.id}) | ${info.severity} | ${info.trustedSeverity} | ${info.category} |`,
    );
  }
  out.push('');
  for (const rule of rules) {
    const info = describeRule(rule);
    const example = examples.get(rule.id);
    if (!example) throw new Error(`${rule.id} has no examples`);
    out.push(
      `### ${info.id}`,
      '',
      `**${info.title}.** ${info.description}`,
      '',
      `- Severity: ${info.severity} (trusted network: ${info.trustedSeverity}); category: ${info.category}`,
      ...(info.paths.length > 1 ? [`- Paths: ${info.paths.join(', ')}`] : []),
      `- Needs: ${info.requires.join(', ')}`,
      ...(info.references.length > 0 ? [`- References: ${info.references.join(', ')}`] : []),
      '',
      `**Fix:** ${info.remediation}`,
      '',
      ...renderExample('Triggers it', example.bad),
      ...renderExample('Passes (the fix)', example.good),
      ...info.links.map((link) => `- <${link}>`),
      '',
    );
  }
  return out;
}

/** An example upload: each file under its name on the node, ready to copy and lint. */
function renderExample(heading: string, example: RuleExample): string[] {
  const options = [
    ...(example.kubernetesVersion ? [`kubernetesVersion=${example.kubernetesVersion}`] : []),
    ...(example.asOf ? [`asOf=${example.asOf}`] : []),
  ];
  const version = options.length > 0 ? `, with ${options.join(' and ')}` : '';
  return [
    `${heading}${version}:`,
    '',
    ...example.files.flatMap((file) => [
      `\`${file.name}\``,
      '',
      `\`\`\`${language(file.name)}`,
      file.content.replace(/\n$/, ''),
      '```',
      '',
    ]),
  ];
}

function language(name: string): string {
  if (name.endsWith('.json')) return 'json';
  if (/\.(ya?ml|conf|kubeconfig)$/.test(name)) return 'yaml';
  return 'sh';
}
