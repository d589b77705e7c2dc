/**
 * A configuration object a tool builds from a template and patches (kind's kubeadm configuration), as
 * a SourceDocument: every value patched in is located where the patch writes it; every value the tool
 * puts there itself is a default, located where a patch would go.
 *
 * The patches are applied the way kind applies them (kubernetes-sigs/kind pkg/internal/patch): an RFC
 * 7386 merge patch (maps merge, lists replace, null deletes) with kind's kubeadm exceptions (v1beta4
 * `extraArgs`/`kubeletExtraArgs` lists merge by name, `certSANs` are unioned), and RFC 6902 operations
 * (add, replace, remove).
 */
import { OffsetIndex } from '../ingest/offset-index';
import { childPointer, type Locator } from '../ingest/positions';
import { SourceDocument } from '../ingest/source-document';
import { isPlainObject } from '../ingest/yaml';
import type { Location } from '../schemas/common';

type Json = unknown;

const NOWHERE: Locator = { locate: () => ({ line: 1, column: 1 }) };

export class PatchedDocument extends SourceDocument {
  /** JSON pointer → where the value there was written (a patch), for values patched in. */
  private readonly written = new Map<string, Location>();

  constructor(
    file: string,
    index: number,
    value: Record<string, unknown>,
    /** Where a setting the template put there would be patched. */
    private readonly fallback: Location,
  ) {
    super(file, index, '', structuredClone(value), new OffsetIndex(undefined, 0, new Map()), NOWHERE);
  }

  override at(pointer: string, isDefault = false): Location {
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
      const found = this.written.get(at);
      if (found) return { ...found, default: isDefault || (at !== pointer && found.default) };
      if (at === '') break;
    }
    return { ...this.fallback, default: true };
  }

  /** Item by item through at(): a patched list's items are located where the patch wrote them. */
  override atItems(pointer: string, count: number): Location[] {
    return Array.from({ length: count }, (_, i) => this.at(`${pointer}/${i}`));
  }

  /** Applies a merge patch; `source` locates each of its values. */
  mergePatch(patch: Record<string, unknown>, source: SourceDocument, arraysByName: boolean): void {
    this.merge(this.value, patch, '', source, '', arraysByName);
  }

  /** Applies RFC 6902 operations; returns the first it cannot apply, with why. */
  jsonPatch(operations: readonly Json[], source: SourceDocument): string | undefined {
    for (const [i, operation] of operations.entries()) {
      if (!isPlainObject(operation) || typeof operation.op !== 'string' || typeof operation.path !== 'string')
        return `operation ${i} is not {op, path}`;
      const { op, path } = operation;
      const parts = path
        .split('/')
        .slice(1)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const key = parts.pop();
      const parent = parts.reduce<Json>(
        (node, part) =>
          isPlainObject(node) || Array.isArray(node) ? (node as Record<string, Json>)[part] : undefined,
        this.value,
      );
      const parentPointer = parts.reduce((pointer, part) => childPointer(pointer, part), '');
      if (key === undefined || !(isPlainObject(parent) || Array.isArray(parent)))
        return `operation ${i} (${op} ${path}): no such place`;
      if (op === 'remove') {
        this.removeAt(parent, key, parentPointer);
        continue;
      }
      if (op !== 'add' && op !== 'replace') return `operation ${i}: ${op} is not applied here`;
      const value = structuredClone(operation.value);
      if (Array.isArray(parent)) {
        const index = key === '-' ? parent.length : Number(key);
        if (!Number.isInteger(index) || index < 0 || index > parent.length)
          return `operation ${i} (${op} ${path}): no such index`;
        if (op === 'add') {
          this.shift(parentPointer, index, 1);
          parent.splice(index, 0, value);
        } else parent[index] = value;
        this.record(childPointer(parentPointer, index), value, source, `/${i}/value`);
      } else {
        Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
        this.forget(childPointer(parentPointer, key));
        this.record(childPointer(parentPointer, key), value, source, `/${i}/value`);
      }
    }
    return undefined;
  }

  private merge(
    target: Record<string, unknown>,
    patch: Record<string, unknown>,
    pointer: string,
    source: SourceDocument,
    sourcePointer: string,
    arraysByName: boolean,
  ): void {
    for (const [key, value] of Object.entries(patch)) {
      const at = childPointer(pointer, key);
      const from = childPointer(sourcePointer, key);
      const current = Object.hasOwn(target, key) ? target[key] : undefined;
      if (value === null) {
        Reflect.deleteProperty(target, key);
        this.forget(at);
      } else if (isPlainObject(value) && isPlainObject(current)) {
        this.merge(current, value, at, source, from, arraysByName);
      } else if (key === 'certSANs' && Array.isArray(value) && Array.isArray(current)) {
        for (const [i, san] of value.entries()) {
          if (current.includes(san)) continue;
          current.push(san);
          this.record(childPointer(at, current.length - 1), san, source, childPointer(from, i));
        }
      } else if (
        arraysByName &&
        /^(extraArgs|kubeletExtraArgs)$/.test(key) &&
        Array.isArray(value) &&
        Array.isArray(current)
      ) {
        this.mergeByName(current, value, at, source, from);
      } else {
        const copy = structuredClone(value);
        Object.defineProperty(target, key, {
          value: copy,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        this.forget(at);
        this.record(at, copy, source, from);
      }
    }
  }

  /** v1beta4 `[{name, value}]`: update the entry of that name, delete it for a null value, or append. */
  private mergeByName(
    current: Json[],
    patch: readonly Json[],
    pointer: string,
    source: SourceDocument,
    from: string,
  ) {
    for (const [i, entry] of patch.entries()) {
      if (!isPlainObject(entry) || typeof entry.name !== 'string') continue;
      const index = current.findIndex((c) => isPlainObject(c) && c.name === entry.name);
      if (entry.value === null) {
        if (index >= 0) this.removeAt(current, String(index), pointer);
        continue;
      }
      const at = index >= 0 ? index : current.length;
      current[at] = structuredClone(entry);
      this.forget(childPointer(pointer, at));
      this.record(childPointer(pointer, at), current[at], source, childPointer(from, i));
    }
  }

  private removeAt(parent: Record<string, Json> | Json[], key: string, parentPointer: string) {
    if (Array.isArray(parent)) {
      const index = Number(key);
      parent.splice(index, 1);
      this.forget(childPointer(parentPointer, index));
      this.shift(parentPointer, index + 1, -1);
    } else {
      Reflect.deleteProperty(parent, key);
      this.forget(childPointer(parentPointer, key));
    }
  }

  /** Locates `value` (and everything in it) at `pointer` where `source` writes it at `from`. */
  private record(pointer: string, value: Json, source: SourceDocument, from: string) {
    this.written.set(pointer, source.at(from));
    if (isPlainObject(value) || Array.isArray(value))
      for (const [key, child] of Object.entries(value))
        this.record(childPointer(pointer, key), child, source, childPointer(from, key));
  }

  private forget(pointer: string) {
    for (const key of [...this.written.keys()])
      if (key === pointer || key.startsWith(`${pointer}/`)) this.written.delete(key);
  }

  /** Array entries from `from` on moved by `by`: their locations move with them. */
  private shift(arrayPointer: string, from: number, by: number) {
    const moved: Array<[string, Location]> = [];
    for (const [key, location] of this.written) {
      if (!key.startsWith(`${arrayPointer}/`)) continue;
      const [first = '', ...rest] = key.slice(arrayPointer.length + 1).split('/');
      const index = Number(first);
      if (!Number.isInteger(index) || index < from) continue;
      this.written.delete(key);
      moved.push([[`${arrayPointer}/${index + by}`, ...rest].join('/'), location]);
    }
    for (const [key, location] of moved) this.written.set(key, location);
  }
}
