/**
 * The grid's pointer and keyboard. The pointer maps to a pod through `hitTest`: hovering shows
 * its tooltip, a click selects it and asks for its details. Arrow keys step the selection with
 * `stepPod` and pan to keep it in view; Enter asks for details; Esc clears the selection. Both
 * are constant time in the number of pods.
 */
import type { ZoomTransform } from 'd3';
import {
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { paramsText, podAt, podParams, type Expansion, type Plan } from '../../core/ui.ts';
import type { GridLayout, PodRef } from '../../core/layout/grid.ts';
import { hitTest, stepPod } from '../../core/layout/gridNavigation.ts';
import { useDesigner } from '../../state/store.ts';
import { toRef, toSelection } from './selection.ts';

/** The tooltip of the pod under the pointer: where (in canvas pixels) and what it says. */
export interface GridTip {
  readonly x: number;
  readonly y: number;
  readonly lines: string[];
}

interface GridPointerInput {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly transformRef: RefObject<ZoomTransform>;
  readonly layout: GridLayout;
  readonly expansion: Expansion;
  readonly plan: Plan;
}

/** The pod under the pointer: hover and its tooltip, and a click that selects it. */
export function useGridPointer({
  canvasRef,
  transformRef,
  layout,
  expansion,
  plan,
}: GridPointerInput) {
  const [tip, setTip] = useState<GridTip | null>(null);
  const select = useDesigner((s) => s.select);
  const hover = useDesigner((s) => s.hover);

  const refAt = (clientX: number, clientY: number) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const [x, y] = transformRef.current.invert([clientX - rect.left, clientY - rect.top]);
    return { ref: hitTest(layout, x, y), sx: clientX - rect.left, sy: clientY - rect.top };
  };

  return {
    tip,
    handlers: {
      onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
        const { ref, sx, sy } = refAt(e.clientX, e.clientY);
        hover(ref ? toSelection(layout, ref) : null);
        setTip(ref ? { x: sx, y: sy, lines: describePod(layout, expansion, plan, ref) } : null);
      },
      onPointerLeave: () => {
        hover(null);
        setTip(null);
      },
      onClick: (e: MouseEvent<HTMLCanvasElement>) => {
        const { ref } = refAt(e.clientX, e.clientY);
        if (ref) select(toSelection(layout, ref), true);
      },
    },
  };
}

/** The tooltip's lines for a pod: its name; its Job, index, wave and hours; its sweep point. */
function describePod(layout: GridLayout, expansion: Expansion, plan: Plan, r: PodRef): string[] {
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
}

/** What each arrow key moves the selection by: [Jobs, pods]. */
const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

interface GridKeyboardInput {
  readonly transformRef: RefObject<ZoomTransform>;
  readonly layout: GridLayout;
  readonly width: number;
  readonly height: number;
  /** Pans the view by a distance in the design's units. */
  readonly panBy: (dx: number, dy: number) => void;
}

/** The canvas's keys: arrows step the selection (the first pod when none), Enter, Esc. */
export function useGridKeyboard({ transformRef, layout, width, height, panBy }: GridKeyboardInput) {
  const selected = useDesigner((s) => s.selected);
  const select = useDesigner((s) => s.select);
  const current = toRef(layout, selected);

  /** Pans so that a pod moved to with the keyboard stays in view. */
  const reveal = (r: PodRef) => {
    const g = layout.groups[r.group]!;
    const t = transformRef.current;
    const c = layout.cell * t.k;
    const x = r.pod * layout.cell * t.k + t.x;
    const y = (g.cellsY + r.job * layout.cell) * t.k + t.y;
    const dx = x < 0 ? -x + 8 : x + c > width ? width - x - c - 8 : 0;
    const dy = y < 0 ? -y + 8 : y + c > height ? height - y - c - 8 : 0;
    if (dx || dy) panBy(dx / t.k, dy / t.k);
  };

  return (e: KeyboardEvent<HTMLCanvasElement>) => {
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      const first = layout.groups.findIndex((g) => g.rows > 0 && g.cols > 0);
      if (first < 0) return;
      const next = current
        ? stepPod(layout, current, move[0], move[1])
        : { group: first, job: 0, pod: 0 };
      select(toSelection(layout, next));
      reveal(next);
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      select(toSelection(layout, current), true);
    } else if (e.key === 'Escape') {
      select(null);
    }
  };
}
