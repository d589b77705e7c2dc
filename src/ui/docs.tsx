/**
 * GET /docs: the API reference, server-rendered from the generated OpenAPI document and the rule
 * registry. One self-contained page: no scripts, no fonts, no requests to anyone (its
 * Content-Security-Policy allows nothing but its own inline style, by hash).
 */
import type { Child } from 'hono/jsx';
import { PROBLEMS, problemAnchor, problemType, type ProblemSlug } from '../http/problems';
import type { RuleInfo } from '../schemas/rule';

/** The parts of an OpenAPI 3.1 document the page shows. */
export interface ApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Record<string, unknown> };
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: unknown;
  }>;
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
interface MediaType {
  example?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown }>;
}

export interface FormatRow {
  name: string;
  mediaType: string;
  use: string;
}

export const DOCS_STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 2rem;color:#1b1f24;background:#fff}
h1,h2,h3{line-height:1.2}h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
h3{margin-top:2rem}code,pre{font:13px/1.4 ui-monospace,monospace}
pre{background:#f6f8fa;padding:.75rem;overflow:auto;max-height:28rem;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.method{font-weight:700;text-transform:uppercase}summary{cursor:pointer}
nav ul{columns:2}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}pre,th{background:#161b22}th,td{border-color:#30363d}a{color:#58a6ff}}
`;

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`;

export function DocsPage(props: { document: ApiDocument; rules: readonly RuleInfo[]; formats: FormatRow[] }) {
  const { document, rules, formats } = props;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods ?? {}).flatMap(([method, operation]) =>
      operation ? [{ path, method, operation }] : [],
    ),
  );
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${document.info.title} ${document.info.version}: API reference`}</title>
        <style>{DOCS_STYLE}</style>
      </head>
      <body>
        <h1>
          {document.info.title} <small>{document.info.version}</small>
        </h1>
        <p>{document.info.description}</p>
        <p>
          Machine-readable: <a href="/openapi.yaml">/openapi.yaml</a>,{' '}
          <a href="/openapi.json">/openapi.json</a>; the rule catalogue as JSON:{' '}
          <a href="/v1/rules">/v1/rules</a>.
        </p>
        <nav>
          <ul>
            {operations.map(({ path, method, operation }) => (
              <li>
                <a href={`#${anchor(method, path)}`}>
                  <span class="method">{method}</span> {path}
                </a>
                {operation.summary ? `: ${operation.summary}` : ''}
              </li>
            ))}
            <li>
              <a href="#formats">Report formats</a>
            </li>
            <li>
              <a href="#problems">Problems</a>
            </li>
            <li>
              <a href="#rules">Rules</a>
            </li>
            <li>
              <a href="#schemas">Schemas</a>
            </li>
          </ul>
        </nav>

        <h2 id="formats">Report formats</h2>
        <p>
          POST /v1/lint answers in the format named by <code>format</code>, else by the Accept header's most
          preferred type, else JSON. <code>failOn</code> answers 422 the same way in every format.
        </p>
        <table>
          <tr>
            <th>format</th>
            <th>Content-Type</th>
            <th>for</th>
          </tr>
          {formats.map((row) => (
            <tr>
              <td>
                <code>{row.name}</code>
              </td>
              <td>
                <code>{row.mediaType}</code>
              </td>
              <td>{row.use}</td>
            </tr>
          ))}
        </table>

        <h2>Endpoints</h2>
        {operations.map(({ path, method, operation }) => (
          <Endpoint path={path} method={method} operation={operation} />
        ))}

        <h2 id="problems">Problems</h2>
        <p>
          Every error is RFC 9457 <code>application/problem+json</code>. Its <code>type</code> is the link to
          its entry below; <code>title</code> and <code>status</code> are fixed by the type,{' '}
          <code>detail</code> says what to do about this request, and <code>requestId</code> identifies the
          answer.
        </p>
        <table>
          <tr>
            <th>type</th>
            <th>status</th>
            <th>title</th>
            <th>when</th>
          </tr>
          {(Object.keys(PROBLEMS) as ProblemSlug[]).map((slug) => (
            <tr id={problemAnchor(slug)}>
              <td>
                <code>{problemType(slug)}</code>
              </td>
              <td>{PROBLEMS[slug].status}</td>
              <td>{PROBLEMS[slug].title}</td>
              <td>{PROBLEMS[slug].about}</td>
            </tr>
          ))}
        </table>

        <h2 id="rules">Rules</h2>
        <table>
          <tr>
            <th>id</th>
            <th>path</th>
            <th>severity</th>
            <th>title</th>
          </tr>
          {rules.map((rule) => (
            <tr>
              <td>
                <a href={`/v1/rules/${rule.id}`}>
                  <code>{rule.id}</code>
                </a>
              </td>
              <td>{rule.paths.join(', ')}</td>
              <td>{rule.severity}</td>
              <td>{rule.title}</td>
            </tr>
          ))}
        </table>

        <h2 id="schemas">Schemas</h2>
        {Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => (
          <details id={`schema-${name}`}>
            <summary>
              <code>{name}</code>
            </summary>
            <pre>{show(schema)}</pre>
          </details>
        ))}
      </body>
    </html>
  );
}

function Endpoint({ path, method, operation }: { path: string; method: string; operation: Operation }) {
  return (
    <section>
      <h3 id={anchor(method, path)}>
        <span class="method">{method}</span> <code>{path}</code>
        {operation.summary ? ` ${operation.summary}` : ''}
      </h3>
      {operation.description ? <p>{operation.description}</p> : ''}
      {operation.parameters?.length ? (
        <table>
          <tr>
            <th>parameter</th>
            <th>in</th>
            <th>schema</th>
            <th>description</th>
          </tr>
          {operation.parameters.map((parameter) => (
            <tr>
              <td>
                <code>{parameter.name}</code>
                {parameter.required ? ' (required)' : ''}
              </td>
              <td>{parameter.in}</td>
              <td>
                <code>{JSON.stringify(parameter.schema ?? {})}</code>
              </td>
              <td>{parameter.description ?? ''}</td>
            </tr>
          ))}
        </table>
      ) : (
        ''
      )}
      {operation.requestBody?.content ? (
        <>
          <h4>Request body</h4>
          <Contents content={operation.requestBody.content} />
        </>
      ) : (
        ''
      )}
      <h4>Responses</h4>
      {Object.entries(operation.responses ?? {}).map(([status, response]) => (
        <div>
          <p>
            <strong>{status}</strong> {response.description ?? ''}
          </p>
          {response.content ? <Contents content={response.content} /> : ''}
        </div>
      ))}
    </section>
  );
}

function Contents({ content }: { content: Record<string, MediaType> }) {
  const items: Child[] = Object.entries(content).map(([mediaType, media]) => {
    const examples = [
      ...(media.example === undefined ? [] : [{ summary: 'example', value: media.example }]),
      ...Object.entries(media.examples ?? {}).map(([name, example]) => ({
        summary: example.summary ?? name,
        value: example.value,
      })),
    ];
    return (
      <li>
        <code>{mediaType}</code>
        {examples.map((example) => (
          <details>
            <summary>{example.summary}</summary>
            <pre>{show(example.value)}</pre>
          </details>
        ))}
      </li>
    );
  });
  return <ul>{items}</ul>;
}
