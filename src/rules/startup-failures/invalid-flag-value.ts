import { LIMITS } from '../../catalogue/limits';
import { childPointer } from '../../ingest/positions';
import { fieldPointer } from '../../model/kubelet';
import type { SourceDocument } from '../../ingest/source-document';
import { configFieldProblems, type FieldProblem } from '../../model/flag-facts/config-field-problems';
import { outsideTables, type OutsideTables } from '../../model/flag-facts/flag-status';
import { PLAIN_KINDS, valueKindOf, type ValueProblem } from '../../model/flag-facts/value-problems';
import { LINKS } from '../../catalogue/links';
import { defineRule, type RawFinding } from '../../engine/rule';
import { apiserver, upload, type RuleExamples } from '../support/examples';
import {
  asWritten,
  findingsPerWrittenFlag,
  keepFirst,
  outsideNote,
  programsOf,
  runs,
  valueProblemsOf,
  type JudgedFlag,
  type Program,
} from '../support/programs';
import { STARTUP_PATHS } from '../support/startup-paths';

export default defineRule({
  id: 'invalid-flag-value',
  paths: STARTUP_PATHS,
  severity: 'critical',
  category: 'breakage',
  title: 'A component is given a value it rejects at startup',
  description:
    'A value the component cannot read stops it at startup: a boolean, number, duration, IP address or port range that does not parse as Go parses it ("invalid argument … for … flag"), and a name its version does not know — a cipher suite ("Cipher suite X not supported or doesn\'t exist"), a TLS version, an authorization mode, an admission plugin, a feature gate ("unrecognized feature gate"), or a locked feature gate set against its lock. The same holds for the kubelet\'s config file, whose fields are decoded into their Go types and whose names are checked like the flags. Values a shell, systemd or the kubelet expands first ($(NODE_NAME)) are not judged.',
  remediation:
    'Give the flag or field a value the component accepts (the finding names the nearest valid name), or remove it to get the default.',
  links: [LINKS.kubeApiserverFlags, LINKS.kubeletConfiguration, LINKS.featureGates],
  references: [],
  requires: ['component'],
  check: (model) =>
    programsOf(model).flatMap((program) => [
      ...findingsPerWrittenFlag(program, flagProblems),
      ...configProblems(program),
    ]),
});

export const examples = (): RuleExamples => ({
  bad: upload(
    apiserver(['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_RC4_128_MD5']),
  ),
  good: upload(apiserver(['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'])),
});

const NONE: readonly RawFinding[] = [];

function flagProblems(program: Program, judged: JudgedFlag): readonly RawFinding[] {
  const { flag } = judged;
  const problems = valueProblemsOf(judged, program);
  if (problems.length === 0) return NONE; // most values are fine: no array made per flag
  // Built once: a list of thousands of unknown names gives as many findings, each quoting the flag.
  const value = headOfValue(flag.value);
  const plain = PLAIN_KINDS.has(valueKindOf(flag.name, judged.status.type) ?? '');
  const evidence = asWritten(flag);
  return problems.map((problem) => {
    const said = plain
      ? `invalid argument "${value}" for "--${flag.name}" flag: ${problem.message}`
      : problem.message;
    return finding(program, problem, {
      message: `${program.name} rejects --${flag.name}=${value} at startup ("${said}")`,
      location: flag.location,
      evidence,
    });
  });
}

/** The kubelet's config file and drop-ins (a /configz dump shows a running kubelet: it started). */
function configProblems(program: Program): RawFinding[] {
  const config = program.kubelet?.config;
  if (config?.mode !== 'config' || config.live) return [];
  const docs = [{ doc: config.doc, base: config.base }, ...config.dropIns.map((doc) => ({ doc, base: '' }))];
  return keepFirst(
    program,
    docs.flatMap(({ doc, base }) => {
      const fields = new Map<string, WrittenField>();
      const fieldAt = (name: string): WrittenField => {
        let field = fields.get(name);
        if (!field) fields.set(name, (field = writtenField(doc, base, name)));
        return field;
      };
      return configFieldProblems(doc.get(base), program.version, program.suggestions)
        .map((problem: FieldProblem) => {
          const field = fieldAt(problem.field);
          return finding(program, problem, {
            message: `${program.name} cannot load ${doc.file}: ${problem.field}: ${problem.message}`,
            location: doc.at(itemPointer(field, problem.item)),
            evidence: field.evidence,
          });
        })
        .sort((a, b) => a.location.line - b.location.line);
    }),
  );
}

/**
 * A field of a config file as its findings quote it, worked out once: a featureGates map or cipher list
 * of thousands of unknown names has a finding for each, and each would otherwise print the whole field
 * and search it for its item.
 */
interface WrittenField {
  value: unknown;
  pointer: string;
  evidence: string;
  /** A list's items by their first index. */
  indexes?: ReadonlyMap<unknown, number>;
}

function writtenField(doc: SourceDocument, base: string, name: string): WrittenField {
  const pointer = base + fieldPointer(name);
  const value = doc.get(pointer);
  const field: WrittenField = { value, pointer, evidence: `${name}: ${JSON.stringify(value)}` };
  if (Array.isArray(value)) {
    const indexes = new Map<unknown, number>();
    value.forEach((item: unknown, i) => {
      if (!indexes.has(item)) indexes.set(item, i);
    });
    field.indexes = indexes;
  }
  return field;
}

/** The pointer of the offending item of a list or map field (a cipher suite, a feature gate), else the field's. */
function itemPointer({ value, pointer, indexes }: WrittenField, item: string | undefined): string {
  if (item === undefined) return pointer;
  if (indexes) {
    const index = indexes.get(item);
    return index === undefined ? pointer : childPointer(pointer, index);
  }
  return value && typeof value === 'object' && Object.hasOwn(value, item)
    ? childPointer(pointer, item)
    : pointer;
}

/**
 * A value as a message quotes it: no more of it than a message shows (LIMITS.maxQuotedChars). A message
 * is read whole before it is cut, so quoting the whole of a long list in each of its thousands of
 * findings would cost the list's length once per finding.
 */
const headOfValue = (value: string): string =>
  value.length <= LIMITS.maxQuotedChars ? value : `${value.slice(0, LIMITS.maxQuotedChars)}…`;

function finding(
  program: Program,
  problem: ValueProblem,
  at: { message: string; location: RawFinding['location']; evidence: string },
): RawFinding {
  const outside = problem.unknownName ? outsideTables(program.version) : undefined;
  const closest = problem.closest ? ` Did you mean ${problem.closest}?` : '';
  const when =
    problem.elsewhere && problem.item ? ` ${problem.item} is ${problem.elsewhere}; ${runs(program)}.` : '';
  const severity = lowered(program, problem, outside);
  return {
    subject: problem.item ? `${program.name} ${problem.item}` : program.name,
    message: `${at.message}.${closest}${when}${outsideNote(outside)}`,
    location: at.location,
    evidence: at.evidence,
    path: program.path,
    ...(severity ? { severity } : {}),
  };
}

/** When the tables cannot be sure the component rejects the name, the finding says how likely it is. */
function lowered(
  program: Program,
  problem: ValueProblem,
  outside: OutsideTables | undefined,
): RawFinding['severity'] {
  if (problem.elsewhere && program.version === null)
    return {
      value: 'low',
      reason: `the Kubernetes version is unknown: ${problem.item ?? 'the name'} is ${problem.elsewhere}, and only versions without it reject it`,
    };
  if (problem.unknownName && !problem.elsewhere && !problem.closest && outside?.why === 'newer-than-tables')
    return {
      value: 'medium',
      reason: `the tables stop at ${outside.table}: ${program.version ?? ''} may know ${problem.item ?? 'the name'}`,
    };
  if (!problem.certain)
    return {
      value: 'medium',
      reason: `the feature gates of ${program.version ?? 'this version'} were not read from the source: the failure is likely, not certain`,
    };
  return undefined;
}
