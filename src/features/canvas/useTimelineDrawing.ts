/**
 * The timeline's drawing: the core lays out the shapes for the time window in view and the one
 * painter draws them in the next animation frame. The bars with a title are kept for the
 * pointer's and the keyboard's tooltips (and the end-to-end tests).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { timelineShapes, type TimelineLayout } from '../../core/layout/timeline.ts';
import { paint } from '../../ui/draw/paint.ts';
import { theme } from '../../draw/palette.ts';
import { useColorScheme } from '../../ui/useColorScheme.ts';

/** A bar of the last drawing, in canvas pixels: what hovering it says ("queued 1 h for a GPU"). */
export interface TitledBar {
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The window to draw: hours `t0` to `t1`, the canvas's size, the groups' scroll. */
export interface TimelineFrame {
  readonly t0: number;
  readonly t1: number;
  readonly width: number;
  readonly height: number;
  readonly scroll: number;
}

/**
 * Draws the window `t0`–`t1` (scrolled down by `scroll` px) whenever it or the layout changes,
 * and returns the titled bars of the last drawing, in drawing order.
 */
export function useTimelineDrawing(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  layout: TimelineLayout,
  { t0, t1, width, height, scroll }: TimelineFrame,
): RefObject<readonly TitledBar[]> {
  const scheme = useColorScheme();
  const bars = useRef<readonly TitledBar[]>([]);
  useEffect(() => {
    const el = canvasRef.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !width) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(width * dpr);
    el.height = Math.round(height * dpr);
    const id = requestAnimationFrame(() => {
      const shapes = timelineShapes(layout, { t0, t1, width, height, scrollY: scroll });
      paint(ctx, shapes, theme(scheme), dpr);
      bars.current = shapes.flatMap((s) =>
        s.kind === 'rect' && s.title ? [{ title: s.title, x: s.x, y: s.y, w: s.w, h: s.h }] : [],
      );
      const api = window.__designerTestApi;
      if (api) api.timelineBars = [...bars.current];
    });
    return () => cancelAnimationFrame(id);
  }, [canvasRef, layout, t0, t1, width, height, scroll, scheme]);
  return bars;
}
