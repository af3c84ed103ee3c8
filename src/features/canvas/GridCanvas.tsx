/**
 * The grid canvas. React owns the element; d3-zoom only turns gestures into a transform; the
 * core's `gridShapes` lays out what is in view and the one painter draws it, once per animation
 * frame. Pointer and keyboard map to pods through `hitTest` and `stepPod`, both constant time in
 * the number of pods.
 */
import { zoomFilter, zoomWheelDelta } from './gestures.ts';
import { WheelHint } from './WheelHint.tsx';
import { CanvasTip } from './CanvasTip.tsx';
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { paramsText, podAt, podParams, type Expansion, type Plan } from '../../core/ui.ts';
import {
  fitGrid,
  gridHeight,
  gridShapes,
  type GridLayout,
  type PodRef,
} from '../../core/layout/grid.ts';
import { inViewText, hitTest, stepPod } from '../../core/layout/gridNavigation.ts';
import { useDesigner } from '../../state/store.ts';
import { paint as paintShapes } from '../../ui/draw/paint.ts';
import { theme } from '../../ui/draw/palette.ts';
import { toRef, toSelection } from './selection.ts';
import { useColorScheme } from '../../ui/useColorScheme.ts';
import { useWidth } from './useWidth.ts';

/** The tallest the grid canvas gets; a small design's is as tall as its content. */
const GRID_MAX_HEIGHT = 360;

interface Props {
  readonly layout: GridLayout;
  readonly expansion: Expansion;
  readonly plan: Plan;
  readonly describedBy: string;
  /** Registers the "fit to view" action, and the view of the moment (for exports), with the toolbar. */
  readonly onReady: (api: { fit: () => void; view: () => GridViewNow }) => void;
}

export interface GridViewNow {
  readonly k: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function GridCanvas({ layout, expansion, plan, describedBy, onReady }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = useWidth(box);
  const height = useMemo(() => gridHeight(layout, width, GRID_MAX_HEIGHT), [layout, width]);
  const scheme = useColorScheme();
  const transform = useRef<ZoomTransform>(zoomIdentity);
  const zoomer = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const frame = useRef(0);
  const fitted = useRef(false);
  const [tip, setTip] = useState<{ x: number; y: number; lines: string[] } | null>(null);
  const ruler = useRef<HTMLParagraphElement>(null);
  const selected = useDesigner((s) => s.selected);
  const hovered = useDesigner((s) => s.hovered);
  const focusedGroup = useDesigner((s) => s.focusedGroup);
  const select_ = useDesigner((s) => s.select);
  const hover = useDesigner((s) => s.hover);

  const paint = useCallback(() => {
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
      const t = transform.current;
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
      if (ruler.current)
        ruler.current.textContent = inViewText(layout, { k: t.k, x: t.x, y: t.y, width, height });
      window.__designerTestApi?.gridPaints.push(performance.now() - t0);
    });
  }, [layout, width, height, scheme]);

  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas || !zoomer.current || !width) return;
    const v = fitGrid(layout, width, height);
    select(canvas).call(zoomer.current.transform, zoomIdentity.translate(v.x, v.y).scale(v.k));
  }, [layout, width, height]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const fitK = fitGrid(layout, Math.max(1, width), height).k;
    const z = zoom<HTMLCanvasElement, unknown>()
      // One convention with the timeline: the wheel scrolls the page; Ctrl/Cmd+wheel (and a
      // trackpad pinch, which arrives as Ctrl+wheel) zooms; a drag pans.
      .filter(zoomFilter)
      // Cmd+wheel zooms as fast as Ctrl+wheel (d3 speeds up only the Ctrl one).
      .wheelDelta(zoomWheelDelta)
      // The design cannot be lost: at most a quarter of the fitted size, and never panned away.
      .scaleExtent([Math.min(fitK / 4, 1), 64])
      .translateExtent([
        [0, 0],
        [layout.width, layout.height],
      ])
      .constrain(keepInView(2 * layout.cell))
      .on('zoom', (e: { transform: ZoomTransform }) => {
        transform.current = e.transform;
        paint();
      });
    zoomer.current = z;
    select(canvas).call(z).on('dblclick.zoom', null);
    // Keep the current view within the new bounds (a smaller design after an edit): scaleBy
    // runs the scale extent and the constraint, which a plain transform does not.
    select(canvas).call(z.scaleBy, 1);
    return () => {
      select(canvas).on('.zoom', null);
    };
  }, [paint, layout, width, height]);

  useEffect(() => {
    onReady({
      fit,
      view: () => ({ ...transform.current, width, height }),
    });
    if (!fitted.current && width > 0) {
      fitted.current = true;
      fit();
    }
  }, [fit, onReady, width, height]);

  // A design that is loaded (new, opened, template) is fitted to the view once it is drawn.
  const loads = useRef(useDesigner.getState().version);
  useEffect(() => {
    const s = useDesigner.getState();
    if (s.lastOrigin === 'load' && s.version !== loads.current && s.analysisVersion >= s.version) {
      loads.current = s.version;
      fit();
    }
  }, [layout, fit]);

  useEffect(paint, [paint, selected, hovered, focusedGroup, layout]);

  useEffect(() => {
    const api = window.__designerTestApi;
    if (!api) return;
    // Where a cell is on screen, from the live transform: tests click what the user sees.
    api.gridCell = (name, job, pod) => {
      const g = layout.groups.find((x) => x.name === name);
      const rect = canvasRef.current?.getBoundingClientRect();
      if (!g || !rect) return null;
      const t = transform.current;
      const size = layout.cell * t.k;
      return {
        x: rect.left + pod * size + t.x + size / 2,
        y: rect.top + (g.cellsY + job * layout.cell) * t.k + t.y + size / 2,
        size,
      };
    };
    api.gridBounds = () => {
      const t = transform.current;
      return {
        x: t.x,
        y: t.y,
        width: layout.width * t.k,
        height: layout.height * t.k,
        canvasWidth: width,
        canvasHeight: height,
      };
    };
  }, [layout, width, height]);

  const refAt = (clientX: number, clientY: number) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const [x, y] = transform.current.invert([clientX - rect.left, clientY - rect.top]);
    return { ref: hitTest(layout, x, y), sx: clientX - rect.left, sy: clientY - rect.top };
  };

  const describe = (r: PodRef) => {
    const g = layout.groups[r.group]!;
    const pod = podAt(expansion, plan.groups[g.index]!, r.job, r.pod);
    if (!pod) return [];
    const wave = pod.wave === null ? 'paused' : `wave ${pod.wave + 1}`;
    const time = pod.start === null ? '' : `, runs ${pod.start}–${pod.end} h`;
    const params = podParams(useDesigner.getState().sweeps, pod);
    return [
      pod.name,
      `Job ${pod.jobIndex}, pod ${pod.podIndex}, ${wave}${time}`,
      ...(params ? [paramsText(params)] : []),
    ];
  };

  /** Pans so that a pod moved to with the keyboard stays in view. */
  const reveal = (r: PodRef) => {
    const canvas = canvasRef.current!;
    const g = layout.groups[r.group]!;
    const t = transform.current;
    const c = layout.cell * t.k;
    const x = r.pod * layout.cell * t.k + t.x;
    const y = (g.cellsY + r.job * layout.cell) * t.k + t.y;
    const dx = x < 0 ? -x + 8 : x + c > width ? width - x - c - 8 : 0;
    const dy = y < 0 ? -y + 8 : y + c > height ? height - y - c - 8 : 0;
    if (dx || dy) select(canvas).call(zoomer.current!.translateBy, dx / t.k, dy / t.k);
  };

  const current = toRef(layout, selected);

  return (
    <div className="grid-canvas" ref={box}>
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height: height }}
        tabIndex={0}
        role="application"
        aria-label="Pod grid: rows are Jobs, columns are pods. Arrow keys move the selected pod, Enter shows its details."
        aria-describedby={describedBy}
        onPointerMove={(e) => {
          const { ref, sx, sy } = refAt(e.clientX, e.clientY);
          hover(ref ? toSelection(layout, ref) : null);
          setTip(ref ? { x: sx, y: sy, lines: describe(ref) } : null);
        }}
        onPointerLeave={() => {
          hover(null);
          setTip(null);
        }}
        onClick={(e) => {
          const { ref } = refAt(e.clientX, e.clientY);
          if (ref) select_(toSelection(layout, ref), true);
        }}
        onKeyDown={(e) => {
          const moves: Record<string, [number, number]> = {
            ArrowUp: [-1, 0],
            ArrowDown: [1, 0],
            ArrowLeft: [0, -1],
            ArrowRight: [0, 1],
          };
          const move = moves[e.key];
          if (move) {
            e.preventDefault();
            const first = layout.groups.findIndex((g) => g.rows > 0 && g.cols > 0);
            if (first < 0) return;
            const next = current
              ? stepPod(layout, current, move[0], move[1])
              : { group: first, job: 0, pod: 0 };
            select_(toSelection(layout, next));
            reveal(next);
          } else if (e.key === 'Enter' && current) {
            e.preventDefault();
            select_(toSelection(layout, current), true);
          } else if (e.key === 'Escape') {
            select_(null);
          }
        }}
      />
      <WheelHint target={canvasRef} />
      <p className="grid-ruler note" ref={ruler} data-testid="grid-in-view" />
      {tip && (
        <CanvasTip
          x={tip.x}
          y={tip.y}
          lines={tip.lines}
          box={{ width, height, tipWidth: 260, tipHeight: 50 }}
        />
      )}
    </div>
  );
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
