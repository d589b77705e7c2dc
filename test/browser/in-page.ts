/**
 * Code that runs inside the page, kept as text: the test project is typed for workerd and Node, not the
 * DOM (adding the DOM library would clash with the Workers types), so these are evaluated as strings.
 */
import type { Page } from 'playwright-core';

/** Runs `(source)(arg)` in the page and returns its (JSON-serialisable) result. */
export function inPage<T>(page: Page, source: string, arg?: unknown): Promise<T> {
  return page.evaluate<T>(`(${source})(${JSON.stringify(arg ?? null)})`);
}

/** Drops files onto the page as a person dragging them from a file manager would. */
export const DROP_FILES = `(files) => {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(new File([file.content], file.name, { type: 'text/plain' }));
  for (const type of ['dragenter', 'dragover', 'drop']) {
    document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }
}`;

/** The focused element: its id, text and outline style (a visible focus ring). */
export const FOCUSED = `() => {
  const el = document.activeElement;
  return { id: el ? el.id : '', text: el ? el.textContent : '', outline: el ? getComputedStyle(el).outlineStyle : '' };
}`;

/** How far the page is wider than the screen (0 or less: no sideways scrolling). */
export const OVERFLOW = `() => document.documentElement.scrollWidth - window.innerWidth`;

/** Page weight: the bytes of the document and of every resource it loaded. */
export const PAGE_BYTES = `() => performance
  .getEntriesByType('navigation')
  .concat(performance.getEntriesByType('resource'))
  .reduce((sum, entry) => sum + entry.decodedBodySize, 0)`;
