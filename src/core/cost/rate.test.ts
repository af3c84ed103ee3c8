// round2 takes a shortcut away from half cents: it must round every amount as reading the cents
// to 12 digits first does (the oracle below is that reading, written out).
import { describe, expect, it } from 'vitest';
import { round2 } from './rate.ts';

const oracle = (x: number) => Math.round(Number((x * 100).toPrecision(12))) / 100;

describe('round2', () => {
  it('rounds as the 12-digit reading does, near half cents and far from them', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const values: number[] = [0, -0, 2.205, 1.005, -2.205, 0.125, 1e-9, 123456.785, NaN, Infinity];
    for (let i = 0; i < 20000; i++) {
      const scale = 10 ** Math.floor(next() * 9 - 3);
      const x = (next() - 0.3) * scale;
      // Amounts that are, or nearly are, a whole number of half cents, and sums of rates.
      const half = (Math.round(x * 200) + 1) / 200;
      values.push(x, half, half + Number.EPSILON * half, half - 1e-13, 0.1 * i + 0.2 * (i % 7));
    }
    for (const x of values) expect(Object.is(round2(x), oracle(x)), String(x)).toBe(true);
  });
});
