/** Writing a key read from an upload into an object. */

/**
 * `target[key] = value`, with `__proto__` defined as an ordinary key, never the prototype (every other
 * key of a plain object is an ordinary key when assigned, and assigning is much cheaper).
 */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}
