/**
 * The timeline's tooltips: the bar under the pointer says what it is ("queued 1 h for a GPU");
 * from the keyboard, arrow keys step through the bars in drawing order and Esc hides the tip.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { TitledBar } from './useTimelineDrawing.ts';

/** The tooltip shown: where (in canvas pixels) and what it says. */
export interface BarTipState {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** The tip of the moment, and the canvas's pointer, keyboard and blur handlers that set it. */
export function useBarTips(barsRef: RefObject<readonly TitledBar[]>) {
  const [tip, setTip] = useState<BarTipState | null>(null);
  // The bar the keyboard is on (arrow keys step through the bars in drawing order).
  const step = useRef(-1);
  const showBar = (i: number) => {
    const b = barsRef.current[i];
    if (!b) return;
    step.current = i;
    setTip({ x: b.x + b.w / 2, y: b.y + b.h / 2, text: b.title });
  };

  return {
    tip,
    handlers: {
      onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
        const r = e.currentTarget.getBoundingClientRect();
        const [px, py] = [e.clientX - r.left, e.clientY - r.top];
        // The last drawn bar under the pointer: the one on top.
        const hit = barsRef.current.findLast(
          (b) => px >= b.x && px <= b.x + b.w && py >= b.y && py <= b.y + b.h,
        );
        setTip(hit ? { x: px, y: py, text: hit.title } : null);
      },
      onPointerLeave: () => setTip(null),
      onKeyDown: (e: KeyboardEvent<HTMLCanvasElement>) => {
        const n = barsRef.current.length;
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
      },
      onBlur: () => setTip(null),
    },
  };
}
