/**
 * Suppressions: the risks a user has accepted. A finding is suppressed by the request (`skipRules`, or
 * a rule left out of `rules`) or by the annotation `kube-comms-lint.io/ignore: "rule-id,rule-id"` on
 * the object the finding points at, with the reason in `kube-comms-lint.io/ignore-reason`. The engine
 * lists suppressed findings separately: they are never dropped, and never count in verdicts or failOn.
 */
import type { IngestedFile } from '../ingest';
import type { SourceDocument } from '../ingest/source-document';
import { redact } from '../security/redact';
import type { Location } from '../schemas/common';
import type { Finding } from '../schemas/finding';
import type { Suppression } from '../schemas/report';

export const IGNORE_ANNOTATION = 'kube-comms-lint.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'kube-comms-lint.io/ignore-reason';
const MAX_REASON_LENGTH = 500;

/** Says whether, and why, a finding is suppressed: from its rule and where it points. */
export type Suppressor = (finding: Pick<Finding, 'ruleId' | 'location'>) => Suppression | null;

export interface SuppressionOptions {
  /** Only these rules count; null for all. */
  rules: readonly string[] | null;
  skipRules: readonly string[];
}

export const suppressNothing: Suppressor = () => null;

export function suppressor(options: SuppressionOptions, files: readonly IngestedFile[]): Suppressor {
  // Most uploads annotate nothing: then no finding needs its object looked up.
  const annotated = files.some((file) =>
    file.objects.some(({ doc }) => annotationsOf(doc)[IGNORE_ANNOTATION] !== undefined),
  );
  const documentAt = annotated ? documentLocator(files) : () => undefined;
  return function suppression(finding) {
    if (options.skipRules.includes(finding.ruleId))
      return { source: 'option', reason: `skipRules=${options.skipRules.join(',')}` };
    if (options.rules && !options.rules.includes(finding.ruleId))
      return { source: 'option', reason: `not among rules=${options.rules.join(',')}` };
    if (!annotated) return null;
    const annotations = annotationsOf(documentAt(finding.location));
    const ignored = annotations[IGNORE_ANNOTATION];
    if (typeof ignored !== 'string' || !ignored.split(',').some((id) => id.trim() === finding.ruleId))
      return null;
    const reason = annotations[IGNORE_REASON_ANNOTATION];
    return {
      source: 'annotation',
      // The reason is uploaded text: it passes through redaction like everything else that is echoed.
      reason:
        typeof reason === 'string' && reason.trim() !== ''
          ? redact(reason.trim()).slice(0, MAX_REASON_LENGTH)
          : null,
    };
  };
}

/**
 * The uploaded object a location points into: the same file and YAML document and, inside a `List`,
 * the item whose pointer prefixes the location's.
 */
export function documentLocator(
  files: readonly IngestedFile[],
): (location: Location) => SourceDocument | undefined {
  // file + document → base pointer → the first object read there (a ConfigMap before what it wraps).
  const byDocument = new Map<string, Map<string, SourceDocument>>();
  for (const file of files) {
    for (const { doc } of file.objects) {
      const key = `${doc.file}\u0000${doc.index}`;
      let bases = byDocument.get(key);
      if (!bases) byDocument.set(key, (bases = new Map<string, SourceDocument>()));
      if (!bases.has(doc.base)) bases.set(doc.base, doc);
    }
  }
  return function documentAt(location) {
    const bases = byDocument.get(`${location.file}\u0000${location.document}`);
    if (!bases) return undefined;
    // The longest base that is the pointer or one of its parents: try the pointer, then each parent.
    let prefix = location.pointer;
    for (;;) {
      const doc = bases.get(prefix);
      if (doc) return doc;
      if (prefix === '') return undefined;
      prefix = prefix.slice(0, prefix.lastIndexOf('/'));
    }
  };
}

function annotationsOf(doc: SourceDocument | undefined): Record<string, unknown> {
  const annotations = doc?.get('/metadata/annotations');
  return annotations && typeof annotations === 'object' && !Array.isArray(annotations)
    ? (annotations as Record<string, unknown>)
    : {};
}
