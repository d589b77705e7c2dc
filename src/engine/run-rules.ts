/**
 * Runs every rule over the model and turns bare findings into report findings: id, severity for the
 * network, remediation, links (the path's anchor first), redacted evidence, fingerprint. A rule whose
 * inputs are missing is listed as not evaluated, with the reason; a rule that throws is too, so one
 * bug never costs the findings of the others. Suppressed findings (accepted risks, see suppressions.ts)
 * are kept apart from the others, never dropped.
 */
import type { ClusterModel } from '../model/cluster-model';
import { nodeKeyOf } from '../model/referenced-file';
import { compareMinor } from '../model/version';
import { fingerprint } from './fingerprint';
import { once, redactQuote } from '../security/redact';
import type { Finding } from '../schemas/finding';
import type { NotEvaluated, SuppressedFinding, Suppression } from '../schemas/report';
import { LIMITS } from '../catalogue/limits';
import { compareFindings } from './finding-order';
import { ruleLinks } from './describe-rule';
import { unknownDefaultReason } from './partial-components';
import { REQUIREMENTS } from './requirements';
import { suppressNothing, type Suppressor } from './suppressions';
import { rulePaths, type RawFinding, type Rule } from './rule';
import type { PathId, Severity } from '../schemas/common';

export interface RuleResults {
  /**
   * The findings the report lists: of each rule at most LIMITS.maxFindingsPerRule, the first in report
   * order (compareFindings). Only these are completed (message redacted, fingerprint, links): an upload
   * of thousands of pods makes tens of thousands of findings, and the answer shows a few hundred.
   */
  findings: Finding[];
  /** Findings the request or an annotation suppressed, listed the same way: never counted. */
  suppressed: SuppressedFinding[];
  /** Every finding, listed or not, as the summary, the verdicts and failOn count it. */
  counted: CountedFinding[];
  evaluated: string[];
  notEvaluated: NotEvaluated[];
}

export interface CountedFinding {
  ruleId: string;
  path: PathId;
  severity: Severity;
  suppressed: boolean;
}

/** The reason a rule that threw is listed as not evaluated with; tests fail on it. */
export const RULE_FAILED = 'the rule failed on this input (a bug in kube-comms-lint; please report it)';

export function runRules(
  rules: readonly Rule[],
  model: ClusterModel,
  suppress: Suppressor = suppressNothing,
): RuleResults {
  const results: RuleResults = { findings: [], suppressed: [], counted: [], evaluated: [], notEvaluated: [] };
  const unknownDefault = unknownDefaultReason(model);
  const completion = completionOf(model);
  for (const rule of rules) {
    const missing = rule.requires.find((requirement) => !REQUIREMENTS[requirement].present(model));
    if (missing) {
      results.notEvaluated.push({ ruleId: rule.id, reason: REQUIREMENTS[missing].missing });
      continue;
    }
    const outOfRange = versionOutOfRange(rule, model);
    if (outOfRange) {
      results.notEvaluated.push({ ruleId: rule.id, reason: outOfRange });
      continue;
    }
    // Each reason is listed once; `skipped` counts the parts they left unjudged.
    const reasons = new Set<string>();
    let skipped = 0;
    const notEvaluated = (reason: string, times = 1) => {
      reasons.add(reason);
      skipped += times;
    };
    let raw: RawFinding[];
    try {
      raw = rule.check(model, { notEvaluated }).filter((finding) => {
        const unknown = unknownDefault(finding);
        if (unknown) notEvaluated(unknown);
        return !unknown;
      });
      for (const finding of raw) findingPath(rule, finding);
    } catch {
      results.notEvaluated.push({ ruleId: rule.id, reason: RULE_FAILED });
      continue;
    }
    for (const reason of reasons) results.notEvaluated.push({ ruleId: rule.id, reason });
    // A rule that could judge nothing at all was not evaluated, even though it ran.
    if (raw.length > 0 || skipped === 0 || !judgedNothing(rule, model, skipped))
      results.evaluated.push(rule.id);
    const heads = raw.map((bare) => headOf(rule, bare, completion, suppress));
    const listed = listedOf(heads);
    for (const head of heads) {
      const { ruleId, path, severity, suppression } = head;
      results.counted.push({ ruleId, path, severity, suppressed: suppression !== null });
      if (!listed.has(head)) continue;
      const finding = complete(rule, head, completion);
      if (suppression) results.suppressed.push({ ...finding, suppression });
      else results.findings.push(finding);
    }
  }
  return results;
}

/** What ordering, counting and suppressing a finding read, before the rest of it is made. */
interface Head {
  raw: RawFinding;
  ruleId: string;
  path: PathId;
  severity: Severity;
  severityReason: string | null;
  subject: string;
  location: Finding['location'];
  suppression: Suppression | null;
}

/**
 * The heads a report lists: of the suppressed and of the others, the first LIMITS.maxFindingsPerRule
 * in report order (a stable sort, so ties keep the rule's order, as the report's own sort does).
 */
function listedOf(heads: readonly Head[]): Set<Head> {
  const listed = new Set<Head>();
  for (const suppressed of [false, true]) {
    const group = heads.filter((head) => (head.suppression !== null) === suppressed);
    const first =
      group.length <= LIMITS.maxFindingsPerRule
        ? group
        : [...group].sort(compareFindings).slice(0, LIMITS.maxFindingsPerRule);
    for (const head of first) listed.add(head);
  }
  return listed;
}

/** True when every subject the rule looks at was skipped. */
function judgedNothing(rule: Rule, model: ClusterModel, skipped: number): boolean {
  const subjects = rule.requires.includes('kubelet')
    ? model.kubelets.length
    : rule.requires.includes('apiserver')
      ? model.apiServers.length
      : Infinity;
  return skipped >= subjects;
}

function versionOutOfRange(rule: Rule, model: ClusterModel): string | undefined {
  const range = rule.appliesTo;
  if (!range || !model.version) return undefined;
  const version = model.version.minor;
  if (range.from && compareMinor(version, range.from) < 0)
    return `applies from Kubernetes ${range.from}; the cluster runs ${version}`;
  if (range.before && compareMinor(version, range.before) >= 0)
    return `applies before Kubernetes ${range.before}; the cluster runs ${version}`;
  return undefined;
}

/** The path a finding counts for: the rule's only path, or one of its `paths` the finding names. */
function findingPath(rule: Rule, raw: RawFinding): PathId {
  if (rule.path !== undefined) {
    if (raw.path !== undefined && raw.path !== rule.path)
      throw new Error(`${rule.id}: a finding names ${raw.path}, the rule judges ${rule.path}`);
    return rule.path;
  }
  if (raw.path === undefined || !rulePaths(rule).includes(raw.path))
    throw new Error(`${rule.id}: a finding names no path of the rule (${String(raw.path)})`);
  return raw.path;
}

/** What completing a finding needs of the model, worked out once per run. */
interface Completion {
  network: ClusterModel['network'];
  /** The node a finding is on: its kubelet's node when it is about one, else its file's (nodeOfFile). */
  nodeOf: (raw: RawFinding) => string | null;
  /** redactQuote, once per distinct text: for subjects and evidence, which a run's findings repeat. */
  quote: (text: string) => string;
}

function completionOf(model: ClusterModel): Completion {
  // The first kubelet of each name, as a search of model.kubelets finds it.
  const kubeletNodes = new Map<string, string | null>();
  for (const kubelet of model.kubelets)
    if (!kubeletNodes.has(kubelet.name))
      kubeletNodes.set(kubelet.name, kubelet.node === '' ? null : kubelet.node);
  const byFile = new Map<string, string | null>();
  const fileNode = (file: string): string | null => {
    let node = byFile.get(file);
    if (node === undefined) byFile.set(file, (node = nodeOfFile(file, model)));
    return node;
  };
  return {
    network: model.network,
    nodeOf: (raw) => kubeletNodes.get(raw.subject) ?? fileNode(raw.location.file),
    quote: once(redactQuote),
  };
}

function headOf(
  rule: Rule,
  raw: RawFinding,
  { network, nodeOf, quote }: Completion,
  suppress: Suppressor,
): Head {
  const path = findingPath(rule, raw);
  let severity = rule.severity;
  let severityReason: string | null = null;
  if (raw.severity) {
    severity = raw.severity.value;
    severityReason = raw.severity.reason;
  } else if (network === 'trusted' && rule.trustedSeverity && rule.trustedSeverity !== rule.severity) {
    severity = rule.trustedSeverity;
    severityReason = `network=trusted: the request says the network between control plane and nodes is trusted, which lowers this from ${rule.severity}`;
  }
  const head = {
    raw,
    ruleId: rule.id,
    path,
    severity,
    severityReason,
    subject: quote(raw.subject),
    location: { ...raw.location, node: nodeOf(raw) },
  };
  return { ...head, suppression: suppress(head) };
}

function complete(
  rule: Rule,
  { raw, path, severity, severityReason, subject, location }: Head,
  { quote }: Completion,
): Finding {
  return {
    ruleId: rule.id,
    path,
    severity,
    category: raw.category ?? rule.category,
    title: rule.title,
    // Quotes of the upload: redacted, and cut at LIMITS.maxQuotedChars (saying so) to bound the answer.
    message: redactQuote(raw.message),
    subject,
    location,
    related: raw.related ?? [],
    evidence: quote(raw.evidence),
    severityReason,
    remediation: rule.remediation,
    links: linksOf(rule, path),
    references: rule.references,
    fingerprint: fingerprint(rule.id, raw.location.file, raw.location.pointer, raw.subject),
  };
}

/** ruleLinks() once per rule and path: every finding of a rule on a path has the same links (shared, never changed). */
const LINKS = new WeakMap<Rule, Map<PathId, string[]>>();

function linksOf(rule: Rule, path: PathId): string[] {
  let byPath = LINKS.get(rule);
  if (!byPath) LINKS.set(rule, (byPath = new Map<PathId, string[]>()));
  let links = byPath.get(path);
  if (!links) byPath.set(path, (links = ruleLinks(rule, path)));
  return links;
}

/**
 * The node of a finding that is not about a kubelet with a node: the folder its file was uploaded under
 * (`worker-1/var/lib/kubelet/config.yaml`), else the node of the kubelet built from that file; null when
 * the upload does not say.
 */
function nodeOfFile(file: string, model: ClusterModel): string | null {
  const key = nodeKeyOf(file);
  if (key) return key.split('/').pop() ?? key;
  return model.kubelets.find((k) => k.node && k.files.includes(file))?.node ?? null;
}
