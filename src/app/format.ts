/** How figures read on screen: plain numbers with thousands separators, never "1.0M". */
export function formatNumber(n: number | null | undefined, unset = 'not set'): string {
  if (n === null || n === undefined) return unset;
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
