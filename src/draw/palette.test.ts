import { describe, expect, it } from 'vitest';
import { textOn, waveColor } from './palette.ts';

describe('palette', () => {
  it('writes dark text on light wave colours and white on dark ones', () => {
    expect(textOn('#fde725')).toBe('#111111'); // viridis yellow, the last waves
    expect(textOn('#440154')).toBe('#ffffff'); // viridis purple, the first
    expect(textOn(waveColor(0, 4))).toBe('#ffffff');
  });

  it('keeps categorical colours for a few waves and a ramp for many', () => {
    expect(new Set([0, 1, 2, 3].map((w) => waveColor(w, 4))).size).toBe(4);
    expect(waveColor(0, 100)).not.toBe(waveColor(99, 100));
  });
});
