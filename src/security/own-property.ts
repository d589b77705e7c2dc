/**
 * `record[key]` when `key` is the record's own property, else undefined. Every lookup by a name an upload
 * or a client chose (a `kind`, a flag, a mode, a format) goes through here or a Map, so `constructor`,
 * `toString` or `__proto__` is simply an unknown name, never something inherited from Object.prototype.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
