/** format=json (the default): the report itself, the contract of DESIGN.md. */
import type { Report } from '../../schemas/report';
import type { FormatContext } from './common';

export function renderJson(report: Report, { pretty = false }: FormatContext): string {
  return pretty ? `${JSON.stringify(report, null, 2)}\n` : JSON.stringify(report);
}
