/**
 * Where the report goes and how it looks: rendered by the API's own formatters, so a file gets the API's
 * answer byte for byte. Colours (format text) only on a terminal, and never with NO_COLOR
 * (https://no-color.org: set and not empty).
 */
import { writeFileSync } from 'node:fs';
import { RULE_CATALOGUE } from '../lint';
import { FORMATTERS } from '../report/formats';
import type { Format } from '../schemas/lint-request';
import type { Report } from '../schemas/report';
import { RefusedRun } from './exit-status';
import { describeFileError } from './file-errors';

export interface Terminal {
  isTTY: boolean;
  noColor: boolean;
}

export function render(report: Report, format: Format, color: boolean): string {
  return FORMATTERS[format].render(report, { rules: RULE_CATALOGUE, color });
}

export function wantsColor(format: Format, output: string | undefined, stdout: Terminal): boolean {
  return format === 'text' && output === undefined && stdout.isTTY && !stdout.noColor;
}

/** To --output FILE, else standard output; a terminal also gets a last newline where a format has none. */
export function writeReport(text: string, output: string | undefined, stdout: NodeJS.WriteStream): void {
  if (output === undefined) {
    stdout.write(stdout.isTTY && !text.endsWith('\n') ? `${text}\n` : text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (error) {
    throw new RefusedRun(`--output ${output}: ${describeFileError(error)}`);
  }
}
