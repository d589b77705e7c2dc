/**
 * The web form's page: the layout every page shares, and the form itself. Server-rendered with Hono
 * JSX, no build step; it works without JavaScript (a multipart POST to /report), and /ui/app.js only
 * enhances it. Nothing here is inline script or style: the Content-Security-Policy forbids both.
 * @module
 */
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Child } from 'hono/jsx';
import { LIMITS } from '../catalogue/limits';
import { humanBytes } from '../http/human-bytes';

export const ASSETS = { style: '/ui/app.css', script: '/ui/app.js' } as const;

export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{props.title}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={ASSETS.style} />
        <script src={ASSETS.script} defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header>
          <div>
            <h1>kube-comms-lint</h1>
            <p>Is every path between your control plane and your nodes safe?</p>
          </div>
          <nav aria-label="More">
            <ul>
              <li>
                <a href="/docs">API</a>
              </li>
              <li>
                <a href="/v1/rules">Rules</a>
              </li>
              <li>
                <a href="https://kubernetes.io/docs/concepts/architecture/control-plane-node-communication/">
                  The paths
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer>
          <p>
            Nothing you upload is stored or logged, and the report never shows secret values: tokens, keys and
            passwords are redacted. The same report is available from the API: <code>POST /v1/lint</code> (see{' '}
            <a href="/docs">the API reference</a>).
          </p>
        </footer>
      </body>
    </html>
  );
}

interface LintFormProps {
  again?: boolean;
  maxBytes: number;
}

/**
 * The form's HTML by its two props: it is the same on every page of a deployment (its body limit is
 * fixed), and rendering it was about a twelfth of rendering a report's page. At most a few limits are
 * kept.
 */
const renderedForms = new Map<string, HtmlEscapedString>();
const MAX_RENDERED_FORMS = 4;

/**
 * The form: files (several, keeping their names), pasted YAML or JSON, and the two options. `maxBytes`
 * is the deployment's body limit: the page says it, and /ui/app.js checks it before uploading.
 */
export function LintForm(props: LintFormProps): HtmlEscapedString {
  const key = `${props.again === true}/${props.maxBytes}`;
  let html = renderedForms.get(key);
  if (!html) {
    const node = <LintFormMarkup {...props} />;
    if (node instanceof Promise) throw new Error('LintForm renders synchronously');
    html = raw(node.toString());
    if (renderedForms.size < MAX_RENDERED_FORMS) renderedForms.set(key, html);
  }
  return html;
}

function LintFormMarkup(props: LintFormProps) {
  return (
    <section id="lint" aria-labelledby="lint-title">
      <h2 id="lint-title">{props.again ? 'Lint other files' : 'Lint your configuration'}</h2>
      {props.again ? null : (
        <p class="lede">
          Upload what a node holds: static pod manifests, kubelet config and flags files, kubeconfigs, the
          egress selector and Konnectivity manifests, and the public certificates of /etc/kubernetes/pki and
          /var/lib/kubelet/pki (private keys are dropped unread). You get a verdict for each of the five
          communication paths, whether its certificates were verified, and for every problem the file, the
          line and the fix.
        </p>
      )}
      <form
        id="lint-form"
        class="lint"
        method="post"
        action="/report"
        enctype="multipart/form-data"
        data-max-bytes={String(props.maxBytes)}
        data-max-label={humanBytes(props.maxBytes)}
      >
        <div class="field drop">
          <label for="files">Configuration files</label>
          <p class="hint" id="files-hint">
            Choose several at once, or drop files or whole folders anywhere on this page. Each file keeps its
            name; a dropped folder keeps each file's path, such as{' '}
            <code>/etc/kubernetes/manifests/kube-apiserver.yaml</code>. Up to {LIMITS.maxFiles} files and{' '}
            {humanBytes(props.maxBytes)} in all.
          </p>
          <input type="file" id="files" name="file" multiple aria-describedby="files-hint" />
          <ul class="files" id="file-list" aria-label="Chosen files"></ul>
        </div>
        <div class="field">
          <label for="content">Or paste YAML or JSON</label>
          <p class="hint" id="content-hint">
            One or more documents separated by <code>---</code>, a kubelet command line or a flags file.
          </p>
          <textarea
            id="content"
            name="content"
            rows={10}
            spellcheck={false}
            autocomplete="off"
            autocapitalize="off"
            aria-describedby="content-hint"
          ></textarea>
        </div>
        <fieldset>
          <legend>Network between the control plane and the nodes</legend>
          <label>
            <input type="radio" name="network" value="untrusted" checked />
            <span>
              <strong>Untrusted</strong> (the default): a public or shared network, the premise of the
              Kubernetes docs.
            </span>
          </label>
          <label>
            <input type="radio" name="network" value="trusted" />
            <span>
              <strong>Trusted</strong>: a private network you control; some severities are lowered, each
              saying why.
            </span>
          </label>
        </fieldset>
        <div class="field">
          <label for="version">Kubernetes version</label>
          <p class="hint" id="version-hint">
            Such as 1.31. Leave it empty to detect it from the image tags.
          </p>
          <input
            type="text"
            id="version"
            name="kubernetesVersion"
            inputmode="decimal"
            pattern="v?1\.[0-9]{1,2}(\.[0-9]{1,3})?"
            autocomplete="off"
            aria-describedby="version-hint"
          />
        </div>
        <fieldset>
          <legend>Certificates</legend>
          <div class="field">
            <label for="as-of">Judge them at</label>
            <p class="hint" id="as-of-hint">
              An RFC 3339 time such as <code>2026-06-01T00:00:00Z</code>; empty for now. The report says
              which.
            </p>
            <input
              type="text"
              id="as-of"
              name="asOf"
              autocomplete="off"
              pattern="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+\-]\d{2}:\d{2})"
              aria-describedby="as-of-hint"
            />
          </div>
          <div class="field">
            <label for="warning-days">Warn when one expires within</label>
            <p class="hint" id="warning-days-hint">
              Days (30 when empty).
            </p>
            <input
              type="number"
              id="warning-days"
              name="certificateWarningDays"
              min="0"
              max="3650"
              step="1"
              inputmode="numeric"
              aria-describedby="warning-days-hint"
            />
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit">Lint</button>
          <p class="status" id="form-status" role="status" aria-live="polite"></p>
        </div>
      </form>
    </section>
  );
}

/** A whole page as HTML text: the layout around the given sections. */
export async function renderPage(title: string, sections: Child): Promise<string> {
  return `<!doctype html>${await (<Layout title={title}>{sections}</Layout>)}`;
}
