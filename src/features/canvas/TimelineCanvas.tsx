/**
 * The timeline: the run the user will get (the plan, or the simulated run on their cluster) on
 * a time axis in hours. The core lays out the shapes for the time window in view
 * (`useTimelineDrawing`); d3-zoom turns Ctrl+wheel and pinch into a zoom of the time axis and a
 * drag into a pan, across time and down through the groups when they do not all fit
 * (`useTimelineView`). Hovering a bar, or stepping to it with the keys, says what it is.
 */
import { WheelHint } from './WheelHint.tsx';
import { CanvasTip } from './CanvasTip.tsx';
import { useEffect, useRef } from 'react';
import {
  describeTimeline,
  type TimelineLayout,
  type TimeWindow,
} from '../../core/layout/timeline.ts';
import { useWidth } from './useWidth.ts';
import { useTimelineView } from './useTimelineView.ts';
import { useTimelineDrawing } from './useTimelineDrawing.ts';
import { useBarTips, type BarTipState } from './useBarTips.ts';

const MAX_HEIGHT = 420;

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
  const height = Math.min(MAX_HEIGHT, Math.max(80, layout.height + 8));
  const maxScroll = Math.max(0, layout.height + 8 - height);
  const { t0, t1, scroll } = useTimelineView(canvas, layout.start, layout.span, width, maxScroll);
  useEffect(
    () => onReady(() => ({ t0, t1, width, height, scrollY: scroll })),
    [onReady, t0, t1, width, height, scroll],
  );
  const bars = useTimelineDrawing(canvas, layout, { t0, t1, width, height, scroll });
  const { tip, handlers } = useBarTips(bars);

  return (
    <div className="timeline" ref={box}>
      <canvas
        ref={canvas}
        style={{ width: '100%', height }}
        role="img"
        aria-label={describeTimeline(layout)}
        aria-describedby={describedBy}
        tabIndex={0}
        {...handlers}
      />
      <BarTip tip={tip} width={width} height={height} />
      <WheelHint target={canvas} />
    </div>
  );
}

/** The bar's words: read out by screen readers (a live region), and shown beside the bar. */
function BarTip({
  tip,
  width,
  height,
}: {
  tip: BarTipState | null;
  width: number;
  height: number;
}) {
  return (
    <>
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
    </>
  );
}
