/**
 * The report formats: each is one pure function of the same Report and the rule catalogue, with the
 * media type it is served as. DESIGN.md: "report/ formatters: json (default), sarif, text, junit, markdown".
 */
import type { Report } from '../../schemas/report';
import type { Format } from '../../schemas/lint-request';
import type { FormatContext } from './common';
import { renderJson } from './json';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { renderText } from './text';
import { renderSvg } from './svg';

export type { FormatContext } from './common';

export interface Formatter {
  /** The Content-Type of the answer. */
  mediaType: string;
  /** Accept header types that select this format, most specific first. */
  accepts: readonly string[];
  render(report: Report, context: FormatContext): string;
}

export const FORMATTERS: Record<Format, Formatter> = {
  json: { mediaType: 'application/json', accepts: ['application/json'], render: renderJson },
  sarif: {
    mediaType: 'application/sarif+json',
    accepts: ['application/sarif+json'],
    render: renderSarif,
  },
  text: { mediaType: 'text/plain; charset=utf-8', accepts: ['text/plain'], render: renderText },
  junit: {
    mediaType: 'application/xml; charset=utf-8',
    accepts: ['application/xml', 'text/xml', 'application/junit+xml'],
    render: renderJunit,
  },
  markdown: {
    mediaType: 'text/markdown; charset=utf-8',
    accepts: ['text/markdown', 'text/x-markdown'],
    render: renderMarkdown,
  },
  svg: { mediaType: 'image/svg+xml', accepts: ['image/svg+xml'], render: renderSvg },
};
