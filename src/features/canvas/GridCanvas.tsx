/**
 * The grid canvas. React owns the element; d3-zoom only turns gestures into a transform; a
 * requestAnimationFrame-throttled `drawGrid` paints. Pointer and keyboard map to pods through
 * `hitTest` and `stepPod`, both constant time in the number of pods.
 */
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useCallback, useEffect, useRef, useState } from 'react';
import { podAt, type Expansion } from '../../core/index.ts';
import { hitTest, stepPod, type GridLayout, type PodRef } from '../../core/layout/grid.ts';
import { useDesigner } from '../../state/store.ts';
import { drawGrid } from './drawGrid.ts';
import { toRef, toSelection } from './selection.ts';
import { useColorScheme } from './useColorScheme.ts';
import { useWidth } from './useWidth.ts';
import { canvasTheme } from './palette.ts';

const HEIGHT = 360;

interface Props {
  readonly layout: GridLayout;
  readonly expansion: Expansion;
  readonly maxWaves: number;
  readonly describedBy: string;
  /** Registers the "fit to view" action for the toolbar. */
  readonly onFitReady: (fit: () => void) => void;
  readonly canvasRef: React.RefObject<HTMLCanvasElement | null>;
}

export function GridCanvas({
  layout,
  expansion,
  maxWaves,
  describedBy,
  onFitReady,
  canvasRef,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const scheme = useColorScheme();
  const transform = useRef<ZoomTransform>(zoomIdentity);
  const zoomer = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const frame = useRef(0);
  const fitted = useRef(false);
  const [tip, setTip] = useState<{ x: number; y: number; lines: string[] } | null>(null);
  const selected = useDesigner((s) => s.selected);
  const hovered = useDesigner((s) => s.hovered);
  const focusedGroup = useDesigner((s) => s.focusedGroup);
  const durations = useDesigner((s) => s.durations);
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
      if (canvas.height !== Math.round(HEIGHT * dpr)) canvas.height = Math.round(HEIGHT * dpr);
      const t = transform.current;
      const { selected, hovered, focusedGroup } = useDesigner.getState();
      const focusIndex = layout.groups.findIndex((g) => g.name === focusedGroup);
      const t0 = performance.now();
      drawGrid(
        ctx,
        layout,
        { k: t.k, x: t.x, y: t.y, width, height: HEIGHT },
        {
          theme: canvasTheme(scheme),
          maxWaves,
          selected: toRef(layout, selected),
          hovered: toRef(layout, hovered),
          focusedGroup: focusIndex >= 0 ? focusIndex : null,
        },
        dpr,
      );
      window.__designerTestApi?.gridPaints.push(performance.now() - t0);
    });
  }, [layout, width, maxWaves, canvasRef, scheme]);

  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas || !zoomer.current || !width) return;
    const pad = 16;
    const k = Math.min(
      2.5,
      (width - pad) / Math.max(1, layout.width),
      (HEIGHT - pad) / Math.max(1, layout.height),
    );
    const t = zoomIdentity.translate(pad / 2, pad / 2).scale(k);
    select(canvas).call(zoomer.current.transform, t);
  }, [layout, width, canvasRef]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const z = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1e-4, 64])
      .on('zoom', (e: { transform: ZoomTransform }) => {
        transform.current = e.transform;
        paint();
      });
    zoomer.current = z;
    select(canvas).call(z).on('dblclick.zoom', null);
    return () => {
      select(canvas).on('.zoom', null);
    };
  }, [paint, canvasRef]);

  useEffect(() => {
    onFitReady(fit);
    if (!fitted.current && width > 0) {
      fitted.current = true;
      fit();
    }
  }, [fit, onFitReady, width]);

  // A design that is loaded (new, opened, example) is fitted to the view once it is drawn.
  const loads = useRef(useDesigner.getState().version);
  useEffect(() => {
    const s = useDesigner.getState();
    if (s.lastOrigin === 'load' && s.version !== loads.current && s.analysisVersion >= s.version) {
      loads.current = s.version;
      fit();
    }
  }, [layout, fit]);

  useEffect(paint, [paint, selected, hovered, focusedGroup, layout]);

  const refAt = (clientX: number, clientY: number) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const [x, y] = transform.current.invert([clientX - rect.left, clientY - rect.top]);
    return { ref: hitTest(layout, x, y), sx: clientX - rect.left, sy: clientY - rect.top };
  };

  const describe = (r: PodRef) => {
    const g = layout.groups[r.group]!;
    const pod = podAt(expansion, expansion.groups[g.index]!, r.job, r.pod, durations);
    if (!pod) return [];
    const wave = pod.wave === null ? 'paused' : `wave ${pod.wave + 1}`;
    const time = pod.start === null ? '' : `, runs ${pod.start}–${pod.end}`;
    return [pod.name, `Job ${pod.jobIndex}, pod ${pod.podIndex}, ${wave}${time}`];
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
    const dy = y < 0 ? -y + 8 : y + c > HEIGHT ? HEIGHT - y - c - 8 : 0;
    if (dx || dy) select(canvas).call(zoomer.current!.translateBy, dx / t.k, dy / t.k);
  };

  const current = toRef(layout, selected);

  return (
    <div className="grid-canvas" ref={box}>
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height: HEIGHT }}
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
      {tip && (
        <div
          className="canvas-tip"
          role="tooltip"
          style={{
            left: tip.x + 14 + 260 > width ? Math.max(0, tip.x - 270) : tip.x + 14,
            top: tip.y + 14 + 50 > HEIGHT ? tip.y - 54 : tip.y + 14,
          }}
        >
          {tip.lines.map((l, i) => (
            <div key={i} className={i === 0 ? 'tip-title' : ''}>
              {l}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
