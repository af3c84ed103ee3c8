/** The timeline: a shared time axis (D3 scale, zoomable along time) over every group's lanes. */
import { scaleLinear, select, zoom, zoomIdentity, type ZoomTransform } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineLayout } from '../../core/layout/timeline.ts';
import type { SimGroup } from '../../core/sim/simulate.ts';
import { drawTimeline, LABEL_WIDTH } from './drawTimeline.ts';
import { canvasTheme } from './palette.ts';
import { useColorScheme } from './useColorScheme.ts';
import { useWidth } from './useWidth.ts';

const AXIS = 24;

export function TimelineCanvas({
  layout,
  maxWaves,
  describedBy,
  simulatedMakespan,
  simulated,
}: {
  layout: TimelineLayout;
  maxWaves: number;
  describedBy: string;
  /** The makespan on the user's cluster, when a capacity is set and it differs. */
  simulatedMakespan: number | null;
  /** Per group, how it runs on the user's cluster (queued pods are drawn). */
  simulated: readonly SimGroup[];
}) {
  const longer =
    simulatedMakespan !== null && simulatedMakespan > layout.makespan ? simulatedMakespan : null;
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(box);
  const scheme = useColorScheme();
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const height = Math.min(320, Math.max(60, layout.height + 8));

  const base = useMemo(
    () =>
      scaleLinear()
        .domain([0, Math.max(1, longer ?? layout.makespan) * 1.04])
        .range([LABEL_WIDTH, Math.max(LABEL_WIDTH + 10, width - 8)]),
    [layout.makespan, longer, width],
  );
  const x = useMemo(() => transform.rescaleX(base), [transform, base]);

  useEffect(() => {
    const el = canvas.current!;
    const z = zoom<HTMLCanvasElement, unknown>()
      // The wheel scrolls the page here; Ctrl+wheel (or a pinch) zooms the time axis.
      .filter((e: Event) =>
        e.type === 'wheel' ? (e as WheelEvent).ctrlKey : !(e as MouseEvent).button,
      )
      .scaleExtent([1, 1e6])
      .translateExtent([
        [LABEL_WIDTH, 0],
        [Math.max(LABEL_WIDTH + 10, width), 0],
      ])
      .on('zoom', (e: { transform: ZoomTransform }) => setTransform(e.transform));
    select(el).call(z).on('dblclick.zoom', null);
    return () => {
      select(el).on('.zoom', null);
    };
  }, [width]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !width) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(width * dpr);
    el.height = Math.round(height * dpr);
    const id = requestAnimationFrame(() =>
      drawTimeline(
        ctx,
        layout,
        x,
        { width, height },
        canvasTheme(scheme),
        maxWaves,
        dpr,
        longer,
        simulated,
      ),
    );
    return () => cancelAnimationFrame(id);
  }, [layout, x, width, height, maxWaves, longer, scheme, simulated]);

  // Ticks that would run into the makespan labels are left out.
  const marks = [layout.makespan, longer]
    .filter((m): m is number => m !== null && m > 0)
    .map((m) => x(m));
  const ticks = x
    .ticks(Math.max(2, Math.floor((width - LABEL_WIDTH) / 90)))
    .filter((t) => marks.every((m) => Math.abs(x(t) - m) > 36));
  return (
    <div className="timeline" ref={box}>
      <svg className="axis" width={width} height={AXIS} aria-hidden="true">
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y1={AXIS - 6} y2={AXIS} />
            <text y={AXIS - 10} textAnchor="middle">
              {x.tickFormat()(t)}
            </text>
          </g>
        ))}
        {longer !== null && (
          <text
            className="makespan simulated"
            x={x(longer) + (x(longer) > width - 150 ? -4 : 4)}
            textAnchor={x(longer) > width - 150 ? 'end' : 'start'}
            y={20}
          >
            on your cluster {longer.toLocaleString('en-US')}
          </text>
        )}
        {layout.makespan > 0 && (
          <text
            className="makespan"
            x={x(layout.makespan) + (x(layout.makespan) > width - 110 ? -4 : 4)}
            textAnchor={x(layout.makespan) > width - 110 ? 'end' : 'start'}
            y={10}
          >
            makespan {layout.makespan.toLocaleString('en-US')}
          </text>
        )}
      </svg>
      <canvas
        ref={canvas}
        style={{ width: '100%', height }}
        role="img"
        aria-label={`Timeline in hours; the design runs for ${layout.makespan.toLocaleString('en-US')} h${longer !== null ? `, ${longer.toLocaleString('en-US')} h on your cluster` : ''}`}
        aria-describedby={describedBy}
      />
    </div>
  );
}
