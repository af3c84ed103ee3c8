/**
 * The timeline: the run the user will get (the plan, or the simulated run on their cluster) on
 * a time axis in hours. The core lays out the shapes for the time window in view; d3-zoom turns
 * Ctrl+wheel and pinch into a zoom of the time axis and a drag into a pan (across time, and down
 * through the groups when they do not all fit).
 */
import { zoomFilter, zoomWheelDelta } from './gestures.ts';
import { WheelHint } from './WheelHint.tsx';
import { CanvasTip } from './CanvasTip.tsx';
import { scaleLinear, select, zoom, zoomIdentity, type ZoomTransform } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  describeTimeline,
  TIMELINE_DEFAULTS,
  timelineShapes,
  type TimelineLayout,
  type TimeWindow,
} from '../../core/layout/timeline.ts';
import { paint } from '../../ui/draw/paint.ts';
import { theme } from '../../ui/draw/palette.ts';
import { useColorScheme } from '../../ui/useColorScheme.ts';
import { useWidth } from './useWidth.ts';

const MAX_HEIGHT = 420;
const LEFT = TIMELINE_DEFAULTS.labelWidth;

export function TimelineCanvas({
  layout,
  describedBy,
  onReady,
}: {
  layout: TimelineLayout;
  describedBy: string;
  /** Registers the time window in view, for exports of the current view. */
  onReady: (view: () => TimeWindow) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(box);
  const scheme = useColorScheme();
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [scrollY, setScrollY] = useState(0);
  const height = Math.min(MAX_HEIGHT, Math.max(80, layout.height + 8));
  const maxScroll = Math.max(0, layout.height + 8 - height);

  const base = useMemo(
    () =>
      scaleLinear()
        .domain([0, layout.span * 1.04])
        .range([LEFT, Math.max(LEFT + 10, width - 8)]),
    [layout.span, width],
  );
  const [t0, t1] = useMemo(
    () => transform.rescaleX(base).domain() as [number, number],
    [transform, base],
  );

  // The bars with a title in the last drawing: what hovering a bar says ("queued 1 h for a GPU").
  const bars = useRef<readonly { title: string; x: number; y: number; w: number; h: number }[]>([]);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  // The bar the keyboard is on (arrow keys step through the bars in drawing order).
  const step = useRef(-1);
  const showBar = (i: number) => {
    const b = bars.current[i];
    if (!b) return;
    step.current = i;
    setTip({ x: b.x + b.w / 2, y: b.y + b.h / 2, text: b.title });
  };

  const maxScrollRef = useRef(maxScroll);
  useEffect(() => {
    maxScrollRef.current = maxScroll;
  }, [maxScroll]);
  useEffect(() => {
    const el = canvas.current!;
    let last = zoomIdentity;
    const z = zoom<HTMLCanvasElement, unknown>()
      // The wheel scrolls the page here; Ctrl+wheel (or a pinch) zooms the time axis.
      .filter(zoomFilter)
      .wheelDelta(zoomWheelDelta)
      .scaleExtent([1, 1e6])
      .translateExtent([
        [LEFT, -Infinity],
        [Math.max(LEFT + 10, width), Infinity],
      ])
      .on('zoom', (e: { transform: ZoomTransform }) => {
        // A drag at the same zoom also scrolls down through the groups.
        if (e.transform.k === last.k) {
          const dy = e.transform.y - last.y;
          setScrollY((y) => Math.min(maxScrollRef.current, Math.max(0, y - dy)));
        }
        last = e.transform;
        setTransform(e.transform);
      });
    select(el).call(z).on('dblclick.zoom', null);
    return () => {
      select(el).on('.zoom', null);
    };
  }, [width]);

  const scroll = Math.min(scrollY, maxScroll);
  useEffect(
    () => onReady(() => ({ t0, t1, width, height, scrollY: scroll })),
    [onReady, t0, t1, width, height, scroll],
  );
  useEffect(() => {
    const el = canvas.current;
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
  }, [layout, t0, t1, width, height, scroll, scheme]);

  return (
    <div className="timeline" ref={box}>
      <canvas
        ref={canvas}
        style={{ width: '100%', height }}
        role="img"
        aria-label={describeTimeline(layout)}
        aria-describedby={describedBy}
        onPointerMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const [px, py] = [e.clientX - r.left, e.clientY - r.top];
          // The last drawn bar under the pointer: the one on top.
          const hit = bars.current.findLast(
            (b) => px >= b.x && px <= b.x + b.w && py >= b.y && py <= b.y + b.h,
          );
          setTip(hit ? { x: px, y: py, text: hit.title } : null);
        }}
        onPointerLeave={() => setTip(null)}
        tabIndex={0}
        onKeyDown={(e) => {
          const n = bars.current.length;
          if (!n) return;
          if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
            e.preventDefault();
            showBar(Math.min(n - 1, step.current + 1));
          } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
            e.preventDefault();
            showBar(Math.max(0, step.current - 1));
          } else if (e.key === 'Escape') {
            step.current = -1;
            setTip(null);
          }
        }}
        onBlur={() => setTip(null)}
      />
      <p className="visually-hidden" aria-live="polite">
        {tip?.text ?? ''}
      </p>
      {tip && (
        <CanvasTip
          x={tip.x}
          y={tip.y}
          lines={[tip.text]}
          box={{ width, height, tipWidth: 220, tipHeight: 24 }}
        />
      )}
      <WheelHint target={canvas} />
    </div>
  );
}
