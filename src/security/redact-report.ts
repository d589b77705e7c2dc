/**
 * The report's other echoes of the upload, redacted in one place before any format sees them: file
 * names and JSON pointers (a client names its files; keys can be anything), document kinds and notes
 * (ConfigMap names), parse error messages, coverage and verdict reasons, the version's source. Findings'
 * messages, subjects and evidence are redacted when the engine completes them; they are left alone here.
 */
import type { Report } from '../schemas/report';
import { once, redact, redactQuote } from './redact';

export function redactReport(report: Report): Report {
  // Names repeat in every location of a report: each distinct text is redacted once. Quotes of the
  // upload are cut at LIMITS.maxQuotedChars; the tool's own reasons (which name files) are not.
  const clean = once(redactQuote);
  // Rules that cannot run give the same reason (no kubelet uploaded): each is redacted once too.
  const reason = once(redact);
  const cleanOrNull = (text: string | null) => (text === null ? null : clean(text));
  const location = <T extends { file: string; pointer: string }>(at: T): T => ({
    ...at,
    file: clean(at.file),
    pointer: clean(at.pointer),
  });
  return {
    ...report,
    options: {
      ...report.options,
      kubernetesVersionSource: cleanOrNull(report.options.kubernetesVersionSource),
    },
    paths: report.paths.map((path) => ({ ...path, reason: reason(path.reason) })),
    inputs: report.inputs.map((input) => ({
      file: clean(input.file),
      documents: input.documents.map((doc) => ({
        ...doc,
        pointer: clean(doc.pointer),
        kind: clean(doc.kind),
        component: cleanOrNull(doc.component),
        role: cleanOrNull(doc.role),
        note: cleanOrNull(doc.note),
      })),
      errors: input.errors.map((error) => ({ ...error, message: clean(error.message) })),
    })),
    coverage: {
      ...report.coverage,
      notEvaluated: report.coverage.notEvaluated.map((item) => ({ ...item, reason: reason(item.reason) })),
    },
    findings: report.findings.map((finding) => ({
      ...finding,
      location: location(finding.location),
      related: finding.related.map(location),
    })),
    suppressed: report.suppressed.map((finding) => ({
      ...finding,
      location: location(finding.location),
      related: finding.related.map(location),
    })),
  };
}
