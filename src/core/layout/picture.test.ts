// The whole design as pictures: the views, and the PNG scale the page and the command share.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { gridLayout } from './grid.ts';
import { MAX_PNG_SIDE, pngScale, wholeDrawings } from './picture.ts';
import { timelineLayout } from './timeline.ts';

describe('wholeDrawings', () => {
  const a = analyze(readFixture('mixed-concurrency'));
  const [grid, timeline] = [gridLayout(a.expansion!), timelineLayout(a.schedule!)];

  it('the grid, the timeline, or both, the timeline at least 900 wide', () => {
    const both = wholeDrawings(grid, timeline);
    expect(both).toHaveLength(2);
    expect(wholeDrawings(grid, timeline, 'grid')).toEqual([both[0]]);
    expect(wholeDrawings(grid, timeline, 'timeline')).toEqual([both[1]]);
    expect(both[1]!.width).toBe(Math.max(900, both[0]!.width));
  });
});

describe('pngScale', () => {
  it('the scale asked for, less when a side would pass the largest', () => {
    expect(pngScale(900, 600, 2)).toBe(2);
    expect(pngScale(16_016, 16_164, 2)).toBeCloseTo(MAX_PNG_SIDE / 16_164);
    expect(Math.round(16_164 * pngScale(16_016, 16_164, 2))).toBe(MAX_PNG_SIDE);
  });
});
