// Quantities as Kueue counts and prints them: kueue `pkg/resources/requests.go` (ResourceValue:
// cpu in milli-units, the rest in units, rounded up) and `pkg/resources/resource_formatter.go`.
import { describe, expect, it } from 'vitest';
import { amountOf, formatAmount } from './quantity.ts';

describe('amountOf', () => {
  it.each([
    ['cpu', '1', 1000],
    ['cpu', 2, 2000],
    ['cpu', '500m', 500],
    ['cpu', '0.1', 100],
    ['cpu', 0.1, 100],
    ['cpu', '1.5', 1500],
    ['cpu', '0.0001', 1],
    ['cpu', '2k', 2_000_000],
    ['memory', '64Gi', 64 * 2 ** 30],
    ['memory', '1536Mi', 1536 * 2 ** 20],
    ['memory', '1G', 1e9],
    ['memory', '1e3', 1000],
    ['memory', '1.5Gi', 1.5 * 2 ** 30],
    ['nvidia.com/gpu', '16', 16],
    ['nvidia.com/gpu', '500m', 1],
    ['pods', '-3', 0],
    ['cpu', '1e-5', 1],
    ['memory', '1e999999999', 1e30],
    ['nvidia.com/gpu', '1e400', 1e30],
    ['memory', '0e999999999', 0],
  ] as const)('%s %s is %d', (resource, q, expected) => {
    expect(amountOf(resource, q)).toBe(expected);
  });

  it.each([['abc'], ['1.2.3'], [''], ['Gi'], [null], [{}], [Number.NaN]])('refuses %j', (q) => {
    expect(amountOf('cpu', q)).toBeNull();
  });
});

describe('formatAmount', () => {
  it.each([
    ['cpu', 3000, '3'],
    ['cpu', 500, '500m'],
    ['cpu', 1500, '1500m'],
    ['cpu', 2_000_000, '2k'],
    ['memory', 10 * 2 ** 20, '10Mi'],
    ['memory', 5 * 2 ** 30, '5Gi'],
    ['memory', 1e9, '1G'],
    ['nvidia.com/gpu', 16, '16'],
    ['pods', 2000, '2k'],
    ['cpu', 0, '0'],
    ['memory', 1e30, '<unlimited>'],
  ] as const)('%s %d prints as %s', (resource, amount, expected) => {
    expect(formatAmount(resource, amount)).toBe(expected);
  });
});
