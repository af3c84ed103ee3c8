/**
 * How figures read on screen: plain numbers with thousands separators, never "1.0M". Formatting
 * goes through the core's cached formatter: `toLocaleString` builds a formatter on every call,
 * which a design of thousands of groups pays thousands of times per edit.
 */
import { num } from '../core/format.ts';

export function formatNumber(n: number | null | undefined, unset = 'not set'): string {
  if (n === null || n === undefined) return unset;
  return num(n, 2);
}

/** Dollars with cents: "$1,234.56"; "not set" when unknown. */
export function formatMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'not set';
  return `$${money.format(n)}`;
}

const money = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
