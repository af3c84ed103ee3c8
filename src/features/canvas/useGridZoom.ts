/**
 * The grid's zoom: React owns the canvas; d3-zoom only turns gestures into a transform, kept in a
 * ref and drawn in the next frame. Fit puts the whole design in view: at the first drawing, when
 * a design is loaded, and from the toolbar.
 */
import { zoomFilter, zoomWheelDelta } from './gestures.ts';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { fitGrid, zoomFloor, type GridLayout } from '../../core/layout/grid.ts';
import { useDesigner } from '../../state/store.ts';

/** The view of the moment, for exports: the transform and the canvas's size. */
export interface GridViewNow {
  readonly k: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the toolbar is given: the "fit to view" action and the view of the moment. */
export type GridReady = (api: { fit: () => void; view: () => GridViewNow }) => void;

type Zoomer = ZoomBehavior<HTMLCanvasElement, unknown>;

interface GridZoomInput {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  /** Where each gesture's transform goes (read by the painting, the pointer and the tests). */
  readonly transformRef: RefObject<ZoomTransform>;
  /** Asks for a frame: each gesture draws the grid again. */
  readonly paint: () => void;
  readonly layout: GridLayout;
  readonly width: number;
  readonly height: number;
}

/**
 * Attaches d3-zoom to the canvas, bounded by the design (again after each edit or resize), and
 * returns it with `panBy`, which pans by a distance in the design's units (the keyboard's reveal).
 */
export function useGridZoom({
  canvasRef,
  transformRef,
  paint,
  layout,
  width,
  height,
}: GridZoomInput) {
  const zoomerRef = useRef<Zoomer | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current!;
    const z = zoom<HTMLCanvasElement, unknown>()
      // One convention with the timeline: the wheel scrolls the page; Ctrl/Cmd+wheel (and a
      // trackpad pinch, which arrives as Ctrl+wheel) zooms; a drag pans.
      .filter(zoomFilter)
      // Cmd+wheel zooms as fast as Ctrl+wheel (d3 speeds up only the Ctrl one).
      .wheelDelta(zoomWheelDelta)
      // The design cannot be lost: never zoomed out to nothing (zoomFloor), never panned away.
      // The canvas's size as known here: d3's default reads it from the element, which forces
      // a layout of the page on every edit (tens of milliseconds with a large form beside it).
      .extent([
        [0, 0],
        [Math.max(1, width), height],
      ])
      .scaleExtent([zoomFloor(layout, Math.max(1, width), height), 64])
      .translateExtent([
        [0, 0],
        [layout.width, layout.height],
      ])
      .constrain(keepInView(2 * layout.cell))
      .on('zoom', (e: { transform: ZoomTransform }) => {
        const same = sameTransform(e.transform, transformRef.current);
        transformRef.current = e.transform;
        // An edit's new bounds that keep the view: the paint effect draws the new layout.
        if (!same) paint();
      });
    zoomerRef.current = z;
    select(canvas).call(z).on('dblclick.zoom', null);
    // Keep the current view within the new bounds (a smaller design after an edit): scaleBy
    // runs the scale extent and the constraint, which a plain transform does not.
    select(canvas).call(z.scaleBy, 1);
    return () => {
      select(canvas).on('.zoom', null);
    };
  }, [canvasRef, transformRef, paint, layout, width, height]);
  const panBy = useCallback(
    (dx: number, dy: number) => {
      select(canvasRef.current!).call(zoomerRef.current!.translateBy, dx, dy);
    },
    [canvasRef],
  );
  return { zoomerRef, panBy };
}

interface GridFitInput {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly transformRef: RefObject<ZoomTransform>;
  readonly zoomerRef: RefObject<Zoomer | null>;
  readonly layout: GridLayout;
  readonly width: number;
  readonly height: number;
  readonly onReady: GridReady;
}

/**
 * Fit to view: registered with the toolbar (with the view of the moment, for exports), run once
 * the canvas has a width, and again when a design is loaded (new, opened, template).
 */
export function useGridFit({
  canvasRef,
  transformRef,
  zoomerRef,
  layout,
  width,
  height,
  onReady,
}: GridFitInput): void {
  const fitted = useRef(false);
  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas || !zoomerRef.current || !width) return;
    const v = fitGrid(layout, width, height);
    select(canvas).call(zoomerRef.current.transform, zoomIdentity.translate(v.x, v.y).scale(v.k));
  }, [canvasRef, zoomerRef, layout, width, height]);

  useEffect(() => {
    onReady({
      fit,
      view: () => ({ ...transformRef.current, width, height }),
    });
    if (!fitted.current && width > 0) {
      fitted.current = true;
      fit();
    }
  }, [fit, onReady, transformRef, width, height]);

  // A design that is loaded (new, opened, template) is fitted to the view once it is drawn.
  const loads = useRef(useDesigner.getState().version);
  useEffect(() => {
    const s = useDesigner.getState();
    if (s.lastOrigin === 'load' && s.version !== loads.current && s.analysisVersion >= s.version) {
      loads.current = s.version;
      fit();
    }
  }, [layout, fit]);
}

type Extent = [[number, number], [number, number]];

/**
 * d3-zoom's default constraint centres a design smaller than the canvas on the first gesture,
 * so the grid would jump away from where Fit put it. This one only stops the design leaving:
 * smaller than the canvas, it stays inside; larger, its edges may come in by `margin` px at most.
 */
function keepInView(margin: number) {
  return (t: ZoomTransform, extent: Extent, bounds: Extent): ZoomTransform => {
    const m = margin * t.k;
    const axis = (v0: number, v1: number, c0: number, c1: number) => {
      if (c1 - c0 <= v1 - v0) return c0 < v0 ? v0 - c0 : c1 > v1 ? v1 - c1 : 0;
      return c0 > v0 + m ? v0 + m - c0 : c1 < v1 - m ? v1 - m - c1 : 0;
    };
    const dx = axis(extent[0][0], extent[1][0], t.applyX(bounds[0][0]), t.applyX(bounds[1][0]));
    const dy = axis(extent[0][1], extent[1][1], t.applyY(bounds[0][1]), t.applyY(bounds[1][1]));
    return dx || dy ? t.translate(dx / t.k, dy / t.k) : t;
  };
}

const sameTransform = (a: ZoomTransform, b: ZoomTransform) =>
  a.k === b.k && a.x === b.x && a.y === b.y;
