/** Arithmetic for figures that may be unknown. */

/**
 * Product that stays unknown when either side is, rounded to 6 decimals so that
 * `0.1 CPUs x 3 GB` reads 0.3, not 0.30000000000000004.
 */
export function mul(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  const p = a * b;
  return Number.isInteger(p) ? p : Math.round(p * 1e6) / 1e6;
}
