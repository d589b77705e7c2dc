/**
 * The result of a lint as a page section (`#report`): the summary, the topology picture, each path's
 * verdict with its reason, the findings grouped by path, what was not assessed and why, the inputs as
 * they were read, and buttons to download the same report. Everything shown comes from the report,
 * which is already redacted; the uploaded content itself is never rendered.
 * @module
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { PATHS } from '../catalogue/paths';
import { SEVERITIES } from '../schemas/common';
import type { Finding } from '../schemas/finding';
import type { PathVerdict, Report, SuppressedFinding, Verdict } from '../schemas/report';
import { VERDICT_LOOK, topologySvg } from '../report/formats/svg';
import { omittedLines, uploadHeading } from '../report/formats/common';
import { LIMITS } from '../catalogue/limits';

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
        {options.network} network; ruleset {props.report.tool.rulesetVersion}.
      </p>
    </div>
  );
}

const VERDICT_ORDER: Verdict[] = ['insecure', 'at-risk', 'not-assessed', 'not-configured', 'secure'];
const order = (v: Verdict) => VERDICT_ORDER.indexOf(v);

function Downloads(props: { report: Report; formats: readonly DownloadFormat[] }) {
  return (
    <form class="downloads" method="post" action="/report/download">
      {/* Text, not an attribute: only & and < need escaping, so the report costs no more than its JSON. */}
      <textarea name="report" hidden aria-hidden="true" tabindex={-1}>
        {raw(JSON.stringify(props.report).replace(/&/g, '&amp;').replace(/</g, '&lt;'))}
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
        return (
          <li id={`path-${definition.id}`}>
            <span class={`num v-${verdict}`} aria-hidden="true">
              {index + 1}
            </span>
            <span>
              <a href={definition.link}>{definition.title}</a>: <VerdictBadge verdict={verdict} />
              {path && path.findings > 0 ? ` (${plural(path.findings, 'finding')})` : ''}
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
      <h5>
        <span class={`sev sev-${f.severity}`}>{f.severity}</span>
        {f.title}
      </h5>
      <p class="meta">
        <code>{f.ruleId}</code>
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

function Findings(props: { report: Report }) {
  const { findings } = props.report;
  if (findings.length === 0) {
    return (
      <p>
        No findings. Check below what could not be assessed: a path is never secure because nothing was looked
        at.
      </p>
    );
  }
  return (
    <>
      {PATHS.map((definition, index) => {
        const mine = findings.filter((f) => f.path === definition.id);
        if (mine.length === 0) return null;
        const verdict = props.report.paths.find((p) => p.id === definition.id)?.verdict ?? 'not-assessed';
        return (
          <section aria-labelledby={`findings-${definition.id}`}>
            <h4 id={`findings-${definition.id}`}>
              {index + 1}. {definition.title}: <VerdictBadge verdict={verdict} />
            </h4>
            {mine.map((finding) => (
              <FindingCard finding={finding} />
            ))}
          </section>
        );
      })}
    </>
  );
}

/** coverage.notEvaluated grouped by reason: one line per missing input, naming the rules it keeps out. */
function NotAssessed(props: { report: Report }) {
  const { paths, coverage } = props.report;
  const open = paths.filter((p) => p.verdict === 'not-assessed' || p.verdict === 'not-configured');
  const byReason = new Map<string, string[]>();
  for (const { ruleId, reason } of coverage.notEvaluated)
    byReason.set(reason, [...(byReason.get(reason) ?? []), ruleId]);
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
      {byReason.size > 0 ? (
        <>
          <p>
            {plural(coverage.notEvaluated.length, 'rule')} could not be evaluated ({coverage.evaluated.length}{' '}
            were):
          </p>
          <ul class="plain">
            {[...byReason].map(([reason, rules]) => (
              <li>
                {reason}:{' '}
                {rules.map((id, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <code>{id}</code>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Every rule of the ruleset was evaluated ({coverage.evaluated.length}).</p>
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
      <Section id="findings-title" title={`Findings (${report.findings.length})`}>
        <Findings report={report} />
      </Section>
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
