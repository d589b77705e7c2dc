import type { Location } from '../schemas/common';
import { OffsetIndex } from './offset-index';
import type { Locator } from './positions';

/**
 * One configuration object as uploaded: its value, and the way back from any JSON pointer inside it to
 * the file, line and column where it was written. List items are documents of their own with a
 * pointer prefix (`/items/3`), so a rule never needs to know they came wrapped.
 */
export class SourceDocument {
  constructor(
    readonly file: string,
    readonly index: number,
    readonly base: string,
    readonly value: Record<string, unknown>,
    private readonly offsets: OffsetIndex,
    private readonly lines: Locator,
    /**
     * Where on the node the object is written, when that is not the uploaded file: a Cluster API
     * `files[].content` is the file at `files[].path`. A flag that names a path finds it there.
     */
    readonly writtenAt?: string,
  ) {}

  /** The location of `pointer` (relative to this object); a missing pointer falls back to its nearest parent. */
  at(pointer: string, isDefault = false): Location {
    const full = this.base + pointer;
    const { line, column } = this.lines.locate(this.offsets.nearest(full));
    return { file: this.file, line, column, pointer: full, document: this.index, default: isDefault };
  }

  /**
   * Where a setting that is not written would go, marked as a default: the first of `pointers` the
   * object has, else the last one (a wrapper's `extraArgs`, else the section, else the object).
   */
  placeFor(pointers: readonly string[]): Location {
    const found = pointers.find((pointer) => this.get(pointer) !== undefined);
    return this.at(found ?? pointers.at(-1) ?? '', true);
  }

  /**
   * The locations of the first `count` items of the list at `pointer`, as at() gives them one by one,
   * found with one walk: a container's command has dozens of words.
   */
  atItems(pointer: string, count: number): Location[] {
    const full = this.base + pointer;
    const fallback = this.offsets.nearest(full);
    const locations: Location[] = [];
    const offsets = this.offsets.items(full, count);
    for (let i = 0; i < count; i++) {
      const { line, column } = this.lines.locate(offsets[i] ?? fallback);
      locations.push({
        file: this.file,
        line,
        column,
        pointer: `${full}/${i}`,
        document: this.index,
        default: false,
      });
    }
    return locations;
  }

  /** The object at `pointer` as a document of its own: its pointers and positions stay those of this file. */
  child(pointer: string, value: Record<string, unknown>): SourceDocument {
    return new SourceDocument(this.file, this.index, this.base + pointer, value, this.offsets, this.lines);
  }

  /**
   * An object a tool writes from this one (kubeadm's kubelet config from an InitConfiguration): every
   * place in it is this object's own place, since the file the tool writes was not uploaded.
   */
  derive(value: Record<string, unknown>): SourceDocument {
    // An index with no containers: every pointer falls back to the place of this object.
    const offsets = new OffsetIndex(value, this.offsets.nearest(this.base), new Map());
    return new SourceDocument(this.file, this.index, this.base, value, offsets, this.lines);
  }

  /** The same object, as the file a tool writes from it at `path` on the node (Talos' kubelet.yaml). */
  writtenTo(path: string): SourceDocument {
    return new SourceDocument(this.file, this.index, this.base, this.value, this.offsets, this.lines, path);
  }

  /** The value at a pointer relative to this object, or undefined. */
  get(pointer: string): unknown {
    let node: unknown = this.value;
    // Rules ask for dozens of pointers per object: walk the text, unescape only a part that needs it.
    for (let slash = pointer.indexOf('/'); slash >= 0;) {
      const next = pointer.indexOf('/', slash + 1);
      const part = next < 0 ? pointer.slice(slash + 1) : pointer.slice(slash + 1, next);
      const key = part.includes('~') ? part.replace(/~1/g, '/').replace(/~0/g, '~') : part;
      if (Array.isArray(node)) node = node[Number(key)];
      else if (node && typeof node === 'object' && Object.hasOwn(node, key))
        node = (node as Record<string, unknown>)[key];
      else return undefined;
      slash = next;
    }
    return node;
  }
}
