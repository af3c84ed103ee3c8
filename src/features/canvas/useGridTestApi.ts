/**
 * The grid's hooks for the end-to-end tests (`window.__designerTestApi`, present only under
 * test): where a cell is on screen and where the design is, from the live transform, so that
 * tests click what the user sees.
 */
import type { ZoomTransform } from 'd3';
import { useEffect, type RefObject } from 'react';
import type { GridLayout } from '../../core/layout/grid.ts';

/** Keeps `gridCell` and `gridBounds` on the test API up to date with the layout and size. */
export function useGridTestApi(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  transformRef: RefObject<ZoomTransform>,
  layout: GridLayout,
  width: number,
  height: number,
): void {
  useEffect(() => {
    const api = window.__designerTestApi;
    if (!api) return;
    // Where a cell is on screen, from the live transform: tests click what the user sees.
    api.gridCell = (name, job, pod) => {
      const g = layout.groups.find((x) => x.name === name);
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!g || !rect) return null;
      const t = transformRef.current;
      const size = layout.cell * t.k;
      return {
        x: rect.left + pod * size + t.x + size / 2,
        y: rect.top + (g.cellsY + job * layout.cell) * t.k + t.y + size / 2,
        size,
      };
    };
    api.gridBounds = () => {
      const t = transformRef.current;
      return {
        x: t.x,
        y: t.y,
        width: layout.width * t.k,
        height: layout.height * t.k,
        canvasWidth: width,
        canvasHeight: height,
      };
    };
  }, [canvasRef, transformRef, layout, width, height]);
}
