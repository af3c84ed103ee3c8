/**
 * How numbers read in messages, labels and formulas: thousands separated, at most a few
 * decimals, never float noise. One cached formatter (Intl formatters are slow to make, and
 * big designs format thousands of figures).
 */
const formats = new Map<number, Intl.NumberFormat>();

/** `1234.5678` -> `1,234.5678` with up to `digits` decimals (default 4). */
/**
 * A figure as every view reads it (the sidebar, the timeline's makespan labels, the words that
 * describe the run): two decimals at most, thousands separated. Axis ticks keep more digits.
 */
export function figure(x: number): string {
  return num(x, 2);
}

export function num(x: number, digits = 4): string {
  // Most figures are small whole numbers: no formatter needed.
  if (Number.isInteger(x) && x > -1000 && x < 1000) return String(x);
  let f = formats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    formats.set(digits, f);
  }
  return f.format(x);
}

const cents = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Dollars with cents: `$1,234.56` (`-$3.00` below zero). */
export function dollars(x: number): string {
  return `${x < 0 ? '-' : ''}$${cents.format(Math.abs(x))}`;
}

/** How a figure of a run that never ends on the cluster reads, everywhere it is shown. */
export const NEVER_FINISHES = 'never finishes';
