/**
 * Picks the report format: the `format` option when given, else the Accept header's most preferred
 * media type (RFC 9110 §12.5.1) when it is one of ours, else JSON. Only the top preference counts, so a
 * browser's `text/html,…,application/xml;q=0.9` gets JSON, not JUnit.
 */
import { FORMATTERS } from '../report/formats';
import { FORMATS, type Format } from '../schemas/lint-request';

export function chooseFormat(option: Format | undefined, accept: string | undefined): Format {
  if (option) return option;
  const ranges = (accept ?? '')
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { type, weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((range) => range.type !== '' && range.weight > 0);
  const top = Math.max(...ranges.map((range) => range.weight));
  for (const { type } of ranges.filter((range) => range.weight === top)) {
    if (type === '*/*' || type === 'application/*') return 'json';
    const format = FORMATS.find((name) => FORMATTERS[name].accepts.includes(type));
    if (format) return format;
    if (type === 'text/*') return 'text';
  }
  return 'json';
}
