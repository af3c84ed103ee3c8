/**
 * How figures read on screen: plain numbers with thousands separators, never "1.0M". Formatting
 * goes through the core's cached formatter: `toLocaleString` builds a formatter on every call,
 * which a design of thousands of groups pays thousands of times per edit.
 */
import { dollars, figure } from '../core/format.ts';

export function formatNumber(n: number | null | undefined, unset = 'not set'): string {
  if (n === null || n === undefined) return unset;
  return figure(n);
}

/** Dollars with cents: "$1,234.56"; "not set" when unknown. */
export function formatMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'not set';
  return dollars(n);
}

/** Longest figure a sidebar cell shows as written; longer ones are shown compact. */
export const MAX_FIGURE_CHARS = 12;
const compact = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/**
 * The compact form of a figure formatted above ("1,000,000,000" -> "1.0B", "$3,200,000.00" ->
 * "$3.2M") when it is too long for a narrow column, else null (show it as written). The exact
 * text stays in the tooltip and is what a screen reader reads.
 */
export function compactFigure(exact: string): string | null {
  if (exact.length <= MAX_FIGURE_CHARS) return null;
  const m = /^(\$?)(-?[\d,]+(?:\.\d+)?)$/.exec(exact);
  if (!m) return null;
  return `${m[1]}${compact.format(Number(m[2]!.replace(/,/g, '')))}`;
}
