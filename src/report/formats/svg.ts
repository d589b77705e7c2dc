/**
 * The hub-and-spoke picture of a report: the control plane (API server, Konnectivity server) above, a
 * node (pods, kubelet, Konnectivity agent) and services below, and the five communication paths of
 * DESIGN.md drawn between them as arrows coloured by their verdict. Each arrow also carries a numbered
 * label with the verdict as text and its own dash pattern, so nothing depends on colour alone.
 *
 * A pure function of the report: the web form inlines it, and the API serves it as `format=svg`. It uses
 * presentation attributes only (no `style` attribute or element), so the page's Content-Security-Policy
 * (`style-src 'self'`) does not block any of it, and every id is prefixed so it can sit inside a page.
 * @module
 */
import { PATHS } from '../../catalogue/paths';
import { CERTIFICATE_ROLES } from '../../model/certificates-binding';
import type { PathId } from '../../schemas/common';
import type { PathVerdict, Report, Verdict } from '../../schemas/report';

/** How each verdict looks: colours meet WCAG AA (4.5:1) as text on white. */
export const VERDICT_LOOK: Record<
  Verdict,
  { color: string; dash: string | null; width: number; mark: string }
> = {
  secure: { color: '#1a7f37', dash: null, width: 3, mark: '✓' },
  'at-risk': { color: '#9a6700', dash: '9 5', width: 3, mark: '!' },
  insecure: { color: '#cf222e', dash: null, width: 4.5, mark: '✗' },
  'not-configured': { color: '#57606a', dash: '2 5', width: 3, mark: '–' },
  'not-assessed': { color: '#8250df', dash: '10 4 2 4', width: 3, mark: '?' },
};

export interface TopologyOptions {
  /** Draw the key (number, path, verdict) under the picture; the web page lists the paths itself. */
  legend?: boolean;
}

type Point = readonly [number, number];

/** Where each path is drawn: line segments (each ending in an arrowhead when `head`) and its label. */
const ROUTES: Record<PathId, { lines: Array<{ from: Point; to: Point; head: boolean }>; label: Point }> = {
  'node-to-control-plane': { lines: [{ from: [396, 324], to: [396, 118], head: true }], label: [396, 166] },
  'apiserver-to-kubelet': { lines: [{ from: [478, 118], to: [478, 324], head: true }], label: [478, 214] },
  'apiserver-to-nodes-pods-services': {
    lines: [
      { from: [120, 118], to: [120, 232], head: false },
      { from: [68, 232], to: [224, 232], head: false },
      { from: [68, 232], to: [68, 318], head: true },
      { from: [224, 232], to: [224, 324], head: true },
    ],
    label: [120, 172],
  },
  'ssh-tunnels': { lines: [{ from: [310, 118], to: [310, 292], head: true }], label: [310, 258] },
  konnectivity: {
    lines: [
      { from: [500, 79], to: [528, 79], head: false },
      { from: [600, 118], to: [600, 324], head: true },
    ],
    label: [600, 190],
  },
};

const WIDTH = 680;
const PICTURE_HEIGHT = 432;
const LEGEND_ROW = 26;
const FONT = 'system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, &quot;DejaVu Sans&quot;, sans-serif';
const INK = '#1f2328';
const MUTED = '#57606a';
const PANEL = '#f6f8fa';

/** Escapes text for XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The paths whose TLS rests on certificates the upload may hold. */
const CERTIFICATE_PATHS = new Set<PathId>(Object.values(CERTIFICATE_ROLES).map((role) => role.path));

/**
 * Whether a judged path's certificates were verified (`certificates`) or its verdict rests on flags
 * alone (`flags`); null for a path without certificates or one that was not judged.
 */
export function certificateBasis(
  path: Pick<PathVerdict, 'id' | 'verdict' | 'basis'>,
): 'certificates' | 'flags' | null {
  if (!CERTIFICATE_PATHS.has(path.id) || path.verdict === 'not-assessed' || path.verdict === 'not-configured')
    return null;
  return path.basis;
}

export const BASIS_LABEL = { certificates: 'certificates verified', flags: 'flags only' } as const;

/** The verdict of each path as the report has it; a path missing from the report is `not-assessed`. */
function verdictsOf(report: Report) {
  return PATHS.map((path, index) => {
    const found = report.paths.find((p) => p.id === path.id);
    return {
      number: index + 1,
      id: path.id,
      title: path.title,
      verdict: found?.verdict ?? 'not-assessed',
      reason: found?.reason ?? 'not in this report',
      basis: found ? certificateBasis(found) : null,
    };
  });
}

function box(x: number, y: number, w: number, h: number, fill: string, stroke: string, dash = ''): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
}

function text(
  x: number,
  y: number,
  content: string,
  size = 15,
  weight = 'normal',
  fill = INK,
  anchor = 'middle',
): string {
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${xml(content)}</text>`;
}

/** A component: a white box with a name and an optional second line. */
function component(x: number, y: number, w: number, h: number, name: string, detail?: string): string {
  const cx = x + w / 2;
  const cy = y + h / 2;
  return [
    box(x, y, w, h, '#ffffff', INK),
    detail
      ? text(cx, cy - 3, name, 16, 'bold') + text(cx, cy + 16, detail, 13, 'normal', MUTED)
      : text(cx, cy + 5, name, 16, 'bold'),
  ].join('');
}

function markers(): string {
  return (Object.keys(VERDICT_LOOK) as Verdict[])
    .map(
      (verdict) =>
        `<marker id="kcl-head-${verdict}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="15" markerHeight="15" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${VERDICT_LOOK[verdict].color}"/></marker>`,
    )
    .join('');
}

/** The numbered pill on an arrow: "(2) insecure", white behind it so the text reads over the line. */
function pill(center: Point, number: number, verdict: Verdict): string {
  const look = VERDICT_LOOK[verdict];
  const width = 40 + verdict.length * 7.6;
  const x = center[0] - width / 2;
  const y = center[1] - 13;
  return [
    `<rect x="${x}" y="${y}" width="${width}" height="26" rx="13" fill="#ffffff" stroke="${look.color}" stroke-width="2"/>`,
    `<circle cx="${x + 13}" cy="${center[1]}" r="10" fill="${look.color}"/>`,
    text(x + 13, center[1] + 5, String(number), 13, 'bold', '#ffffff'),
    text(x + 28, center[1] + 5, verdict, 14, 'bold', look.color, 'start'),
  ].join('');
}

/** Under a path's pill: whether its certificates were verified, or its verdict rests on flags alone. */
function basisTag(center: Point, basis: 'certificates' | 'flags'): string {
  const label = BASIS_LABEL[basis];
  const width = 16 + label.length * 6.6;
  const color = basis === 'certificates' ? VERDICT_LOOK.secure.color : MUTED;
  const y = center[1] + 16;
  return [
    `<rect x="${center[0] - width / 2}" y="${y}" width="${width}" height="18" rx="9" fill="#ffffff" stroke="${color}" stroke-width="1"${basis === 'flags' ? ' stroke-dasharray="3 2"' : ''}/>`,
    text(center[0], y + 13, label, 12, basis === 'certificates' ? 'bold' : 'normal', color),
  ].join('');
}

function arrow(path: ReturnType<typeof verdictsOf>[number]): string {
  const route = ROUTES[path.id];
  const look = VERDICT_LOOK[path.verdict];
  const lines = route.lines
    .map(
      ({ from, to, head }) =>
        `<line x1="${from[0]}" y1="${from[1]}" x2="${to[0]}" y2="${to[1]}" stroke="${look.color}" stroke-width="${look.width}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}${head ? ` marker-end="url(#kcl-head-${path.verdict})"` : ''}/>`,
    )
    .join('');
  const tag = path.basis ? basisTag(route.label, path.basis) : '';
  return `<g data-path="${path.id}" data-verdict="${path.verdict}"${path.basis ? ` data-basis="${path.basis}"` : ''}><title>${xml(`${path.number}. ${path.title}: ${path.verdict} (${path.reason})`)}</title>${lines}${pill(route.label, path.number, path.verdict)}${tag}</g>`;
}

function legend(paths: ReturnType<typeof verdictsOf>): string {
  return paths
    .map((path, i) => {
      const y = PICTURE_HEIGHT + 24 + i * LEGEND_ROW;
      const look = VERDICT_LOOK[path.verdict];
      return [
        `<line x1="12" y1="${y - 5}" x2="52" y2="${y - 5}" stroke="${look.color}" stroke-width="${look.width}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}/>`,
        `<circle cx="70" cy="${y - 5}" r="10" fill="${look.color}"/>`,
        text(70, y, String(path.number), 13, 'bold', '#ffffff'),
        `<text x="88" y="${y}" font-size="15" fill="${INK}">${xml(path.title)}: <tspan font-weight="bold" fill="${look.color}">${xml(`${look.mark} ${path.verdict}`)}</tspan>${path.basis ? `<tspan fill="${MUTED}">${xml(` (${BASIS_LABEL[path.basis]})`)}</tspan>` : ''}</text>`,
      ].join('');
    })
    .join('');
}

/**
 * The topology picture as a standalone SVG document fragment (`<svg xmlns=…>…</svg>`), valid both
 * inline in HTML and served as `image/svg+xml`. Text is escaped; only verdicts and path names appear.
 */
export function topologySvg(report: Report, options: TopologyOptions = {}): string {
  const paths = verdictsOf(report);
  const withLegend = options.legend ?? true;
  const nothingAssessed = withLegend && report.summary.assessedPaths === 0;
  const height =
    PICTURE_HEIGHT + (withLegend ? paths.length * LEGEND_ROW + 16 : 0) + (nothingAssessed ? LEGEND_ROW : 0);
  // The picture lists no findings; when the report left some out (its size cap), the description says so.
  const omitted = report.omitted.reduce((n, item) => n + item.findings, 0);
  const summary = [
    ...paths.map(
      (p) => `${p.number}. ${p.title}: ${p.verdict}${p.basis ? `, ${BASIS_LABEL[p.basis]}` : ''}.`,
    ),
    ...(omitted > 0 ? [`${omitted} findings are counted but not listed in the report (its size cap).`] : []),
    ...(report.summary.assessedPaths === 0
      ? [`Nothing could be assessed. Upload: ${report.summary.toUpload.join('; ')}`]
      : []),
  ].join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="kcl-topology-title kcl-topology-desc" font-family="${FONT}">`,
    `<title id="kcl-topology-title">Control plane and node communication paths</title>`,
    `<desc id="kcl-topology-desc">${xml(summary)}</desc>`,
    `<defs>${markers()}</defs>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    // Control plane: the API server and the Konnectivity server.
    box(4, 4, 672, 128, PANEL, MUTED),
    text(18, 28, 'Control plane', 14, 'bold', INK, 'start'),
    component(18, 40, 482, 78, 'API server', 'kube-apiserver'),
    component(528, 40, 134, 78, 'Konnectivity', 'server'),
    // Services, and a node with its pods, kubelet and Konnectivity agent.
    component(4, 318, 128, 96, 'Services', 'ClusterIP'),
    box(148, 292, 528, 136, PANEL, MUTED),
    text(162, 314, 'Node', 14, 'bold', INK, 'start'),
    component(162, 324, 124, 90, 'Pods'),
    component(350, 324, 170, 90, 'kubelet', 'HTTPS :10250'),
    component(540, 324, 122, 90, 'Konnectivity', 'agent'),
    ...paths.map(arrow),
    withLegend ? legend(paths) : '',
    nothingAssessed
      ? `<text x="12" y="${height - 14}" font-size="15" font-weight="bold" fill="${INK}">Nothing could be assessed: upload what the report's summary.toUpload lists.</text>`
      : '',
    '</svg>',
  ].join('');
}

/** `format=svg`: the picture with its key, as a report formatter (same signature as the others). */
export function renderSvg(report: Report, _context?: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${topologySvg(report, { legend: true })}\n`;
}
