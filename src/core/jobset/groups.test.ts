import { describe, expect, it } from 'vitest';
import { convertRam } from './groups.ts';

describe('convertRam (the form\u2019s switch between ramRatio and memory)', () => {
  it('keeps the amount of RAM: 4 CPUs x 3 GB per CPU is 12 GB per pod, and back', () => {
    expect(convertRam('4', '3', 'memory')).toBe(12);
    expect(convertRam('4', '12', 'ratio')).toBe(3);
    expect(convertRam('3', '10', 'ratio')).toBe(3.333);
  });

  it('gives nothing to convert when a figure is missing or not a number', () => {
    expect(convertRam('', '3', 'memory')).toBeNull();
    expect(convertRam('4', 'x', 'memory')).toBeNull();
    expect(convertRam('0', '3', 'ratio')).toBeNull();
  });
});
