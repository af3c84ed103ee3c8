/**
 * The grid canvas. React owns the element; d3-zoom only turns gestures into a transform
 * (`useGridZoom`); the core's `gridShapes` lays out what is in view and the one painter draws it,
 * once per animation frame (`useGridPaint`). Pointer and keyboard map to pods through `hitTest`
 * and `stepPod`, both constant time in the number of pods (`useGridInput`).
 */
import { WheelHint } from './WheelHint.tsx';
import { CanvasTip } from './CanvasTip.tsx';
import { zoomIdentity, type ZoomTransform } from 'd3';
import { useMemo, useRef } from 'react';
import type { Expansion, Plan } from '../../core/ui.ts';
import { gridHeight, type GridLayout } from '../../core/layout/grid.ts';
import { useWidth } from './useWidth.ts';
import { useGridPaint, useRepaintOnHighlight } from './useGridPaint.ts';
import { useGridFit, useGridZoom, type GridReady } from './useGridZoom.ts';
import { useGridTestApi } from './useGridTestApi.ts';
import { useGridKeyboard, useGridPointer } from './useGridInput.ts';

export type { GridViewNow } from './useGridZoom.ts';

/** The tallest the grid canvas gets; a small design's is as tall as its content. */
const GRID_MAX_HEIGHT = 360;

interface Props {
  readonly layout: GridLayout;
  readonly expansion: Expansion;
  readonly plan: Plan;
  readonly describedBy: string;
  /** Registers the "fit to view" action, and the view of the moment (for exports), with the toolbar. */
  readonly onReady: GridReady;
}

export function GridCanvas({ layout, expansion, plan, describedBy, onReady }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const ruler = useRef<HTMLParagraphElement>(null);
  const width = useWidth(box);
  const height = useMemo(() => gridHeight(layout, width, GRID_MAX_HEIGHT), [layout, width]);
  const transform = useRef<ZoomTransform>(zoomIdentity);
  const view = { canvasRef, transformRef: transform, layout, width, height };
  const paint = useGridPaint({ ...view, rulerRef: ruler });
  const { zoomerRef, panBy } = useGridZoom({ ...view, paint });
  useGridFit({ ...view, zoomerRef, onReady });
  useRepaintOnHighlight(paint, layout);
  useGridTestApi(canvasRef, transform, layout, width, height);
  const { tip, handlers } = useGridPointer({ ...view, expansion, plan });
  const onKeyDown = useGridKeyboard({ ...view, panBy });

  return (
    <div className="grid-canvas" ref={box}>
      <canvas
        ref={canvasRef}
        style={{ width: '100%', height: height }}
        tabIndex={0}
        role="application"
        aria-label="Pod grid: rows are Jobs, columns are pods. Arrow keys move the selected pod, Enter shows its details."
        aria-describedby={describedBy}
        {...handlers}
        onKeyDown={onKeyDown}
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
