/**
 * The whole design as pictures, as the designer exports it and the command line renders it:
 * the grid at its own size, then the timeline, at least 900 px wide and as wide as the grid.
 */
import { wholeGrid, type GridLayout } from './grid.ts';
import type { Drawing } from './shapes.ts';
import { wholeTimeline, type TimelineLayout } from './timeline.ts';

export type PictureView = 'grid' | 'timeline' | 'both';

export const PICTURE_VIEWS: readonly PictureView[] = ['grid', 'timeline', 'both'];

/** The largest side of a PNG picture, in pixels: browsers refuse larger canvases. */
export const MAX_PNG_SIDE = 8_000;

/** The scale of a PNG of a `width` x `height` picture: `scale`, less when a side would pass the largest. */
export function pngScale(width: number, height: number, scale: number): number {
  return Math.min(scale, MAX_PNG_SIDE / Math.max(1, width), MAX_PNG_SIDE / Math.max(1, height));
}

/** The narrowest the timeline is drawn: its axis and labels need the room. */
const MIN_TIMELINE_WIDTH = 900;

export function wholeDrawings(
  grid: GridLayout,
  timeline: TimelineLayout,
  view: PictureView = 'both',
): Drawing[] {
  const g = wholeGrid(grid, {});
  const t = () => wholeTimeline(timeline, Math.max(g.width, MIN_TIMELINE_WIDTH));
  switch (view) {
    case 'grid':
      return [g];
    case 'timeline':
      return [t()];
    case 'both':
      return [g, t()];
  }
}
