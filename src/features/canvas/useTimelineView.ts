/**
 * The timeline's view: d3-zoom turns Ctrl+wheel and pinch into a zoom of the time axis and a
 * drag into a pan, across time and, at the same zoom, down through the groups when they do not
 * all fit. React state holds the transform and the scroll: each gesture renders the window anew.
 */
import { zoomFilter, zoomWheelDelta } from './gestures.ts';
import { scaleLinear, select, zoom, zoomIdentity, type ZoomTransform } from 'd3';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { TIMELINE_DEFAULTS } from '../../core/layout/timeline.ts';

/** Where the time axis starts: the groups' labels are to its left. */
const LEFT = TIMELINE_DEFAULTS.labelWidth;

/**
 * The time window in view, `t0` to `t1` hours over the canvas's width, and how far the groups are
 * scrolled down (at most `maxScroll` px). The whole axis runs from `start` (hour 0, or earlier
 * for a wait before the run) to a little past `span`.
 */
export function useTimelineView(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  start: number,
  span: number,
  width: number,
  maxScroll: number,
) {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [scrollY, setScrollY] = useState(0);

  const base = useMemo(
    () =>
      scaleLinear()
        .domain([start, span * 1.04])
        .range([LEFT, Math.max(LEFT + 10, width - 8)]),
    [start, span, width],
  );
  const [t0, t1] = useMemo(
    () => transform.rescaleX(base).domain() as [number, number],
    [transform, base],
  );

  const maxScrollRef = useRef(maxScroll);
  useEffect(() => {
    maxScrollRef.current = maxScroll;
  }, [maxScroll]);
  useEffect(() => {
    const el = canvasRef.current!;
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
  }, [canvasRef, width]);

  return { t0, t1, scroll: Math.min(scrollY, maxScroll) };
}
