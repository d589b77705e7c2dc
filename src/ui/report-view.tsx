/**
 * The result of a lint as a page section (`#report`): the summary with the files that could not be
 * read, "fix first" (every finding, the worst on top), the topology picture and each path's verdict,
 * what was not assessed (inputs to upload apart from rules outside the version), the inputs as they
 * were read, and buttons to download the same report. Everything shown comes from the report,
 * which is already redacted; the uploaded content itself is never rendered.
 * @module
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { PATHS } from '../catalogue/paths';
import { SEVERITIES } from '../schemas/common';
import type { Finding } from '../schemas/finding';
import type { PathVerdict, Report, SuppressedFinding, Verdict } from '../schemas/report';
import { BASIS_LABEL, VERDICT_LOOK, certificateBasis, topologySvg } from '../report/formats/svg';
import { omittedLines, uploadHeading } from '../report/formats/common';
import { LIMITS } from '../catalogue/limits';
import { withoutRuleFields } from '../lint';

/** The formats the download buttons offer; `sarif` only when its formatter exists. */
export interface DownloadFormat {
  format: string;
  label: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function VerdictBadge(props: { verdict: Verdict }) {
  return (
    <span class={`verdict v-${props.verdict}`}>
      {VERDICT_LOOK[props.verdict].mark} {props.verdict}
    </span>
  );
}

function pathTitle(id: string): string {
  return PATHS.find((p) => p.id === id)?.title ?? id;
}

/** "Failed: 3 findings (3 high). 2 paths insecure, 2 not-configured, 1 secure." */
function Summary(props: { report: Report }) {
  const { summary, options, paths } = props.report;
  const bySeverity = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map(
    (s) => `${summary.bySeverity[s]} ${s}`,
  );
  const verdicts = (Object.keys(VERDICT_LOOK) as Verdict[])
    .map((v) => [v, paths.filter((p) => p.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([v, n]) => `${n} ${v}`);
  return (
    <div class={`summary ${summary.passed ? 'passed' : 'failed'}`}>
      <p>
        <strong>{summary.passed ? 'Passed' : 'Failed'}</strong>: {plural(summary.findings, 'finding')}
        {bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}
        {summary.inputErrors > 0 ? `, ${plural(summary.inputErrors, 'file error')}` : ''}
        {summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : ''}. Paths: {verdicts.join(', ')}.
      </p>
      {summary.toUpload.length > 0 ? (
        <>
          <p>{uploadHeading(props.report)}</p>
          <ul class="plain">
            {summary.toUpload.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="meta">
        Kubernetes {options.kubernetesVersion ?? 'version unknown'}
        {options.kubernetesVersionSource ? ` (from ${options.kubernetesVersionSource})` : ''};{' '}
        {options.network} network; certificates judged at {options.asOf} (warning{' '}
        {options.certificateWarningDays} days before expiry); ruleset {props.report.tool.rulesetVersion}.
      </p>
      <InputErrors report={props.report} />
    </div>
  );
}

/** Files that could not be read, beside the summary: the rest was linted without them. */
function InputErrors(props: { report: Report }) {
  const broken = props.report.inputs.filter((input) => input.errors.length > 0);
  if (broken.length === 0) return null;
  return (
    <div class="error input-errors" role="alert">
      <p>
        <strong>
          {plural(broken.length, 'file')} could not be read, and {broken.length === 1 ? 'was' : 'were'} not
          linted:
        </strong>
      </p>
      <ul class="plain">
        {broken.flatMap((input) =>
          input.errors.map((error) => (
            <li>
              <code>
                {input.file}:{error.line}:{error.column}
              </code>{' '}
              {error.message}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

const VERDICT_ORDER: Verdict[] = ['insecure', 'at-risk', 'not-assessed', 'not-configured', 'secure'];
const order = (v: Verdict) => VERDICT_ORDER.indexOf(v);

const textEscape = (char: string): string => (char === '&' ? '&amp;' : '&lt;');

function Downloads(props: { report: Report; formats: readonly DownloadFormat[] }) {
  return (
    <form class="downloads" method="post" action="/report/download">
      {/* Text, not an attribute: only & and < need escaping; the rule fields come back from the catalogue. */}
      <textarea name="report" hidden aria-hidden="true" tabindex={-1}>
        {raw(JSON.stringify(withoutRuleFields(props.report)).replace(/[&<]/g, textEscape))}
      </textarea>
      <span>Download this report:</span>
      {props.formats.map(({ format, label }) => (
        <button type="submit" class="quiet" name="format" value={format}>
          {label}
        </button>
      ))}
    </form>
  );
}

function PathList(props: { paths: readonly PathVerdict[] }) {
  return (
    <ol class="paths">
      {PATHS.map((definition, index) => {
        const path = props.paths.find((p) => p.id === definition.id);
        const verdict = path?.verdict ?? 'not-assessed';
        const basis = path ? certificateBasis(path) : null;
        return (
          <li id={`path-${definition.id}`}>
            <span class={`num v-${verdict}`} aria-hidden="true">
              {index + 1}
            </span>
            <span>
              <a href={definition.link}>{definition.title}</a>: <VerdictBadge verdict={verdict} />
              {path && path.findings > 0 ? ` (${plural(path.findings, 'finding')})` : ''}
              {basis ? (
                <>
                  {' '}
                  <span class={`basis b-${basis}`}>{BASIS_LABEL[basis]}</span>
                </>
              ) : null}
            </span>
            <p>{path?.reason ?? 'not in this report'}</p>
          </li>
        );
      })}
    </ol>
  );
}

function Where(props: { location: Omit<Finding['location'], 'node'> & { node?: string | null } }) {
  const { file, line, column, default: isDefault, node } = props.location;
  return (
    <>
      {node ? `node ${node}: ` : ''}
      <code>
        {file}:{line}:{column}
      </code>
      {isDefault ? ' (not set there: this is where the setting would go)' : ''}
    </>
  );
}

function FindingCard(props: { finding: Finding | SuppressedFinding }) {
  const f = props.finding;
  return (
    <article class={`finding s-${f.severity}`} id={`finding-${f.fingerprint}`}>
      <h4>
        <span class={`sev sev-${f.severity}`}>{f.severity}</span>
        {f.title}
      </h4>
      <p class="meta">
        <code>{f.ruleId}</code> · <a href={`#path-${f.path}`}>{pathTitle(f.path)}</a>
        {f.category === 'breakage' ? ' · breaks the configuration' : ''}
      </p>
      <p>{f.message}</p>
      <p class="meta">
        At <Where location={f.location} />
      </p>
      {f.related.length > 0 ? (
        <p class="meta">
          Also involved:{' '}
          {f.related.map((location, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <Where location={location} />
            </>
          ))}
        </p>
      ) : null}
      {f.evidence ? (
        <p class="meta">
          Found: <code>{f.evidence}</code>
        </p>
      ) : null}
      {f.severityReason ? <p class="meta">Severity: {f.severityReason}</p> : null}
      {'suppression' in f ? (
        <p class="meta">
          Suppressed by {f.suppression.source === 'option' ? 'the request' : 'an annotation'}
          {f.suppression.reason ? `: ${f.suppression.reason}` : ''}
        </p>
      ) : null}
      <p class="fix">
        <strong>Fix:</strong> {f.remediation}
      </p>
      {f.links.length > 0 ? (
        <ul class="links" aria-label="Read more">
          {f.links.map((link) => (
            <li>
              <a href={link}>{link.replace(/^https:\/\//, '')}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {f.references.length > 0 ? <p class="meta">References: {f.references.join(', ')}</p> : null}
    </article>
  );
}

/**
 * "Fix first": every finding in one list, the worst on top (the report's order: severity, then file
 * and line), each naming its path; a medium never comes before a high because of where it sits.
 */
function FixFirst(props: { report: Report }) {
  const { findings } = props.report;
  if (findings.length === 0) {
    return (
      <p>
        No findings. Check below what could not be assessed: a path is never secure because nothing was looked
        at.
      </p>
    );
  }
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  return (
    <>
      {[...findings]
        .sort((a, b) => rank(a) - rank(b))
        .map((finding) => (
          <FindingCard finding={finding} />
        ))}
    </>
  );
}

/** The engine's reason for a rule outside the cluster's version (src/engine/run-rules.ts). */
const VERSION_GAP = /^applies (from|before) Kubernetes /;

/** Rules and the reason they share, one entry per reason. */
function byReason(items: ReadonlyArray<{ ruleId: string; reason: string }>): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const { ruleId, reason } of items) grouped.set(reason, [...(grouped.get(reason) ?? []), ruleId]);
  return grouped;
}

function RuleIds(props: { ids: readonly string[] }) {
  return (
    <>
      {props.ids.map((id, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <code>{id}</code>
        </>
      ))}
    </>
  );
}

/** One line per reason, naming the rules it keeps out. */
function ReasonList(props: { reasons: ReadonlyMap<string, string[]> }) {
  return (
    <ul class="plain">
      {[...props.reasons].map(([reason, rules]) => (
        <li>
          {reason}: <RuleIds ids={rules} />
        </li>
      ))}
    </ul>
  );
}

/**
 * What the report could not judge: the open paths, then the rules missing an input (one line per input
 * to upload, naming the rules it would decide), apart from the rules that do not apply to the
 * cluster's Kubernetes version (nothing to upload for those).
 */
function NotAssessed(props: { report: Report }) {
  const { paths, coverage } = props.report;
  const open = paths.filter((p) => p.verdict === 'not-assessed' || p.verdict === 'not-configured');
  const missing = byReason(coverage.notEvaluated.filter((item) => !VERSION_GAP.test(item.reason)));
  const notApplicable = byReason(coverage.notEvaluated.filter((item) => VERSION_GAP.test(item.reason)));
  return (
    <>
      {open.length > 0 ? (
        <ul class="plain">
          {open.map((p) => (
            <li>
              {pathTitle(p.id)}: <VerdictBadge verdict={p.verdict} /> — {p.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {missing.size > 0 ? (
        <>
          <h4 id="missing-inputs">Upload these to judge more ({plural(missing.size, 'input')} missing)</h4>
          <ReasonList reasons={missing} />
        </>
      ) : null}
      {notApplicable.size > 0 ? (
        <>
          <h4 id="not-applicable">
            Not applicable to this Kubernetes version (
            {plural([...notApplicable.values()].flat().length, 'rule')})
          </h4>
          <ReasonList reasons={notApplicable} />
        </>
      ) : null}
      {coverage.notEvaluated.length === 0 ? (
        <p>Every rule of the ruleset was evaluated ({coverage.evaluated.length}).</p>
      ) : (
        <p class="meta">
          {plural(coverage.evaluated.length, 'rule')} evaluated, {coverage.notEvaluated.length} not.
        </p>
      )}
    </>
  );
}

function Inputs(props: { report: Report }) {
  return (
    <ul class="plain">
      {props.report.inputs.map((input) => (
        <li>
          <code>{input.file}</code>
          <ul>
            {input.documents.map((doc) => (
              <li>
                {doc.kind}
                {doc.component
                  ? ` (${doc.component}${doc.role && doc.role !== doc.component ? `, used by ${doc.role}` : ''})`
                  : ''}
                {doc.recognized ? ': read' : ': not recognized'}
                {doc.note ? ` — ${doc.note}` : ''}
              </li>
            ))}
            {input.errors.map((error) => (
              <li class="v-insecure">
                Line {error.line}, column {error.column}: {error.message}
              </li>
            ))}
            {input.documents.length === 0 && input.errors.length === 0 ? (
              <li>No document in this file.</li>
            ) : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function ReportSection(props: { report: Report; downloads: readonly DownloadFormat[] }) {
  const { report } = props;
  const Section = (p: { id: string; title: string; children: Child }) => (
    <section aria-labelledby={p.id}>
      <h3 id={p.id}>{p.title}</h3>
      {p.children}
    </section>
  );
  return (
    <section id="report" aria-labelledby="report-title">
      <h2 id="report-title" tabindex={-1}>
        Report
      </h2>
      <Summary report={report} />
      <Downloads report={report} formats={props.downloads} />
      <Section
        id="findings-title"
        title={`Fix first (${plural(report.findings.length, 'finding')}, worst on top)`}
      >
        <FixFirst report={report} />
      </Section>
      <div class="overview">
        <figure class="topology">
          <div class="scroll" tabindex={0} role="group" aria-label="Topology picture, scrollable">
            {raw(topologySvg(report, { legend: false }))}
          </div>
          <figcaption>
            Each arrow is a communication path, numbered as in the list below, coloured and labelled with its
            verdict.<span class="narrow"> Scroll the picture sideways to see all of it.</span>
          </figcaption>
        </figure>
        <Section id="paths-title" title="Paths">
          <PathList paths={report.paths} />
        </Section>
      </div>
      {report.omitted.length > 0 ? (
        <Section id="omitted-title" title={omittedLines(report, LIMITS.maxFindingsPerRule).heading}>
          <ul class="plain">
            {omittedLines(report, LIMITS.maxFindingsPerRule).lines.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {report.suppressed.length > 0 ? (
        <Section id="suppressed-title" title={`Accepted risks (${report.suppressed.length} suppressed)`}>
          {report.suppressed.map((finding) => (
            <FindingCard finding={finding} />
          ))}
        </Section>
      ) : null}
      <Section id="coverage-title" title="Not assessed">
        <NotAssessed report={report} />
      </Section>
      <Section id="inputs-title" title="Inputs as read">
        <Inputs report={report} />
      </Section>
    </section>
  );
}

/** A request that could not be linted: what went wrong and, per file, why, with the form below. */
export function ErrorSection(props: {
  title: string;
  detail: string;
  files?: ReadonlyArray<{ file: string; reason: string; line?: number }>;
}) {
  return (
    <section id="report" aria-labelledby="report-title">
      <h2 id="report-title" tabindex={-1}>
        {props.title}
      </h2>
      <div class="error" role="alert">
        <p>{props.detail}</p>
        {props.files && props.files.length > 0 ? (
          <ul class="plain">
            {props.files.map((f) => (
              <li>
                <code>{f.file}</code>
                {f.line ? ` (line ${f.line})` : ''}: {f.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
