/** What the canvas exports: the whole design, or the part of it in view. */
import { gridShapes, type GridLayout } from '../../core/layout/grid.ts';
import { wholeDrawings } from '../../core/layout/picture.ts';
import type { Drawing } from '../../core/layout/shapes.ts';
import {
  timelineShapes,
  type TimelineLayout,
  type TimeWindow,
} from '../../core/layout/timeline.ts';
import type { GridViewNow } from './GridCanvas.tsx';

export type Scope = 'whole' | 'view';

/** The grid and the timeline as drawings to export: the whole design, or what is in view. */
export function exportDrawings(
  grid: GridLayout,
  timeline: TimelineLayout,
  scope: Scope,
  gridView: GridViewNow | null,
  timeView: TimeWindow | undefined,
): Drawing[] {
  if (scope === 'view' && gridView && timeView) {
    return [
      { width: gridView.width, height: gridView.height, shapes: gridShapes(grid, gridView, {}) },
      {
        width: timeView.width,
        height: timeView.height,
        shapes: timelineShapes(timeline, timeView),
      },
    ];
  }
  return wholeDrawings(grid, timeline);
}
