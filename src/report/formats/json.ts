/** format=json (the default): the report itself, the contract of DESIGN.md. */
import type { Report } from '../../schemas/report';
import type { FormatContext } from './common';

export function renderJson(report: Report, _context: FormatContext): string {
  return JSON.stringify(report);
}
