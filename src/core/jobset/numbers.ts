/** Arithmetic for figures that may be unknown. */

/**
 * Product that stays unknown when either side is, kept to 12 significant digits so that
 * `0.1 CPUs x 3 GB` reads 0.3, not 0.30000000000000004, while a tiny product stays what it is
 * (0.0001 CPUs x 0.001 GB is 1e-7 GB, not 0: a fixed number of decimals would lose it).
 */
export function mul(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  const p = a * b;
  return Number.isInteger(p) || !Number.isFinite(p) ? p : Number(p.toPrecision(12));
}

/**
 * Sum of the values that are known. `value` is null only when some items exist and none is
 * known ("not set", never 0); `complete` says whether every item was known.
 */
export function sumKnown<T>(items: readonly T[], pick: (item: T) => number | null) {
  let total = 0;
  let known = 0;
  for (const item of items) {
    const v = pick(item);
    if (v !== null) {
      total += v;
      known++;
    }
  }
  return {
    value: known > 0 || items.length === 0 ? tidy(total) : null,
    complete: known === items.length,
  };
}

/** A sum or product rounded as people write it: 0.1 + 0.2 is 0.3 (6 decimals kept). */
export function tidy(x: number): number {
  return Number.isInteger(x) ? x : Math.round(x * 1e6) / 1e6;
}
