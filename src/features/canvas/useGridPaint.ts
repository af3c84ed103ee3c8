/**
 * The grid's painting: at most once per animation frame, the core's `gridShapes` for the view of
 * the moment (the live transform; the selection, hover and focused group read from the store when
 * the frame comes) drawn by the one painter. Gestures and store changes only ask for a frame.
 */
import type { ZoomTransform } from 'd3';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { gridShapes, type GridLayout } from '../../core/layout/grid.ts';
import { inViewText } from '../../core/layout/gridNavigation.ts';
import { useDesigner } from '../../state/store.ts';
import { paint as paintShapes } from '../../ui/draw/paint.ts';
import { theme } from '../../draw/palette.ts';
import { useColorScheme } from '../../ui/useColorScheme.ts';
import { toRef } from './selection.ts';

interface GridPaintInput {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  /** The line that says which Jobs and pods are in view, rewritten with each frame. */
  readonly rulerRef: RefObject<HTMLParagraphElement | null>;
  /** d3-zoom's transform of the moment (kept in a ref: a gesture renders nothing). */
  readonly transformRef: RefObject<ZoomTransform>;
  readonly layout: GridLayout;
  readonly width: number;
  readonly height: number;
}

/** Asks for the grid to be drawn in the next animation frame (one frame, however many asks). */
export function useGridPaint({
  canvasRef,
  rulerRef,
  transformRef,
  layout,
  width,
  height,
}: GridPaintInput): () => void {
  const scheme = useColorScheme();
  const frame = useRef(0);
  return useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || !width) return;
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
      if (canvas.height !== Math.round(height * dpr)) {
        canvas.height = Math.round(height * dpr);
      }
      const t = transformRef.current;
      const { selected, hovered, focusedGroup } = useDesigner.getState();
      const focusIndex = layout.groups.findIndex((g) => g.name === focusedGroup);
      const t0 = performance.now();
      const shapes = gridShapes(
        layout,
        { k: t.k, x: t.x, y: t.y, width, height: height },
        {
          selected: toRef(layout, selected),
          hovered: toRef(layout, hovered),
          focusedGroup: focusIndex >= 0 ? focusIndex : null,
        },
      );
      paintShapes(ctx, shapes, theme(scheme), dpr);
      // Which Jobs and pods are in view, written straight into the page: no render per frame.
      if (rulerRef.current)
        rulerRef.current.textContent = inViewText(layout, {
          k: t.k,
          x: t.x,
          y: t.y,
          width,
          height,
        });
      window.__designerTestApi?.gridPaints.push(performance.now() - t0);
    });
  }, [canvasRef, rulerRef, transformRef, layout, width, height, scheme]);
}

/** Draws the grid again when the selection, the pod hovered or the focused group changes. */
export function useRepaintOnHighlight(paint: () => void, layout: GridLayout): void {
  const selected = useDesigner((s) => s.selected);
  const hovered = useDesigner((s) => s.hovered);
  const focusedGroup = useDesigner((s) => s.focusedGroup);
  useEffect(paint, [paint, selected, hovered, focusedGroup, layout]);
}
