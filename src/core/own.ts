/**
 * Maps keyed by names users choose (groups, products): `__proto__` or `constructor` is a name
 * like any other, never a prototype.
 */

/** Sets `key` as an own property, even `__proto__` (where `o[key] = v` would set the prototype). */
export function putOwn<T>(o: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value of an own property, never one inherited from `Object.prototype`. */
export function getOwn<T>(o: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A plain map from YAML (not a list, a date from `!!timestamp` or bytes from `!!binary`). */
export function isObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Plain data (maps, lists, values) equal field by field at every depth, but for the keys in
 * `skip`: an equality that never forgets a field added later.
 */
export function sameData(a: unknown, b: unknown, skip: ReadonlySet<string> = new Set()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => !skip.has(k));
  const kb = Object.keys(b).filter((k) => !skip.has(k));
  if (ka.length !== kb.length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(y, k) && sameData(x[k], y[k], skip));
}
