/**
 * Where each value of a parsed document was written, kept per container while reading (no JSON pointer
 * string is built for a node nobody asks about), and found again by walking a pointer down the value.
 */

/** A mapping's record: key → offset of the key; a sequence's: index → offset of the item. */
export type OffsetRecord = Record<string, number> | number[];

/** The record of each mapping and sequence of a document: a Map, or records made when first asked for. */
export interface Records {
  get(container: object): OffsetRecord | undefined;
}

export class OffsetIndex {
  /**
   * `byContainer`: each mapping or sequence of `root` → its record. An entry that is an alias is stored
   * as ~offset (negative): what lies under an alias was written at its anchor, not there.
   */
  constructor(
    private readonly root: unknown,
    private readonly rootOffset: number,
    private readonly byContainer: Records,
  ) {}

  /** The offset of exactly this JSON pointer, or undefined when nothing was written there. */
  get(pointer: string): number | undefined {
    return this.walk(pointer, true);
  }

  /** The offset of the pointer or of its nearest parent that was written (the document at worst). */
  nearest(pointer: string): number {
    return this.walk(pointer, false) ?? this.rootOffset;
  }

  /** The offsets of the first `count` items of the sequence at `pointer` (undefined where unknown). */
  items(pointer: string, count: number): Array<number | undefined> {
    const node = this.exactNode(pointer);
    const record = typeof node === 'object' && node !== null ? this.byContainer.get(node) : undefined;
    const offsets: Array<number | undefined> = [];
    for (let i = 0; i < count; i++) {
      const offset = Array.isArray(record) ? record[i] : undefined;
      // An item that is an alias is located at the alias, as nearest() locates it.
      offsets.push(offset === undefined || offset >= 0 ? offset : ~offset);
    }
    return offsets;
  }

  /** The value at `pointer` when every step of it was written in this document (no alias on the way). */
  private exactNode(pointer: string): unknown {
    let node: unknown = this.root;
    if (pointer === '') return node;
    for (const raw of pointer.slice(1).split('/')) {
      const step = this.step(node, raw);
      if (step === undefined || step.offset < 0) return undefined;
      node = step.node;
    }
    return node;
  }

  private step(node: unknown, raw: string): { offset: number; node: unknown } | undefined {
    const record = typeof node === 'object' && node !== null ? this.byContainer.get(node) : undefined;
    if (record === undefined) return undefined;
    if (Array.isArray(record)) {
      const index = Number(raw);
      const offset = String(index) === raw ? record[index] : undefined;
      return offset === undefined ? undefined : { offset, node: (node as unknown[])[index] };
    }
    const key = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    // Only keys that were written are found, not what a record inherits (`constructor`, `__proto__`).
    const offset = Object.hasOwn(record, key) ? record[key] : undefined;
    return offset === undefined ? undefined : { offset, node: (node as Record<string, unknown>)[key] };
  }

  private walk(pointer: string, exact: boolean): number | undefined {
    let offset = this.rootOffset;
    if (pointer === '') return offset;
    let node: unknown = this.root;
    let from = 1;
    for (;;) {
      const slash = pointer.indexOf('/', from);
      const step = this.step(node, slash < 0 ? pointer.slice(from) : pointer.slice(from, slash));
      if (step === undefined) return exact ? undefined : offset;
      // An alias: the nodes under it were written at the anchor, not here.
      if (step.offset < 0) return exact && slash >= 0 ? undefined : ~step.offset;
      offset = step.offset;
      if (slash < 0) return offset;
      node = step.node;
      from = slash + 1;
    }
  }
}
