/** How figures read on screen: plain numbers with thousands separators, never "1.0M". */
export function formatNumber(n: number | null | undefined, unset = 'not set'): string {
  if (n === null || n === undefined) return unset;
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Dollars with cents: "$1,234.56"; "not set" when unknown. */
export function formatMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'not set';
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
