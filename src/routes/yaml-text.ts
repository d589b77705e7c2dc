/**
 * JSON-shaped data as block YAML, for /openapi.yaml: js-yaml's dumper cost the Worker 3.7 KB of gzip for
 * this one document. A string is written plain only when no YAML 1.1 or 1.2 parser can read it as
 * anything else, as a literal block when it is multi-line text, and JSON-quoted otherwise (a JSON string
 * is a YAML double-quoted scalar). test/node/yaml-text.test.ts reads every output back with js-yaml.
 */

/** Words YAML 1.1 reads as booleans or null. */
const KEYWORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
/** Letters first, then only characters that never start or end a YAML token. */
const PLAIN = /^[A-Za-z](?:[A-Za-z0-9 _./()+-]*[A-Za-z0-9_.)])?$/;

function scalar(text: string): string {
  return PLAIN.test(text) && !KEYWORDS.test(text) ? text : JSON.stringify(text);
}

/** A literal block (`|`, `|-`) keeps text verbatim when no line has edge spaces a block would lose. */
function literal(text: string, indent: string): string | undefined {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = body.split('\n');
  if (lines.length < 2 || body.endsWith('\n') || hasControl(body)) return undefined;
  if (lines.some((line) => line !== line.trimEnd()) || lines[0]?.startsWith(' ')) return undefined;
  if (lines[0] === '') return undefined;
  const head = text.endsWith('\n') ? '|' : '|-';
  return `${head}\n${lines.map((line) => (line === '' ? '' : indent + line)).join('\n')}`;
}

/** Characters a literal block cannot hold as written: controls other than the newline, and a BOM. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f || code === 0xfeff) return true;
  }
  return false;
}

function value(data: unknown, indent: string): string {
  if (data === null || data === undefined) return 'null';
  if (typeof data === 'boolean' || typeof data === 'number') return String(data);
  if (typeof data === 'string') return literal(data, indent) ?? scalar(data);
  if (Array.isArray(data)) {
    if (data.length === 0) return '[]';
    return `\n${data.map((item) => `${indent}- ${value(item, `${indent}  `).replace(/^\n\s*/, '')}`).join('\n')}`;
  }
  const entries = Object.entries(data as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `\n${entries
    .map(([key, v]) => {
      const text = value(v, `${indent}  `);
      return `${indent}${scalar(key)}:${text.startsWith('\n') ? '' : ' '}${text}`;
    })
    .join('\n')}`;
}

/** The document as YAML text, ending with a newline. */
export function yamlText(data: unknown): string {
  return `${value(data, '').replace(/^\n/, '')}\n`;
}
