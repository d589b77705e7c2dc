/** Calls the Worker through the real runtime (workerd), as a client would. */
import { exports } from 'cloudflare:workers';

// The pool exposes the Worker's default export; its type is not generated (no `wrangler types`).
const worker = (exports as unknown as { default: Fetcher }).default;

export function call(path: string, init?: RequestInit): Promise<Response> {
  return worker.fetch(new Request(`http://kube-comms-lint.test${path}`, init));
}

/** A multipart body with one part per file, named like `curl -F file=@path;filename=...`. */
export function multipart(
  files: Array<{ name: string; content: string | Uint8Array }>,
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  for (const file of files) form.append('file', new File([file.content], file.name));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

export const yaml = (body: string | Uint8Array, query = '') =>
  call(`/v1/lint${query}`, { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body });
