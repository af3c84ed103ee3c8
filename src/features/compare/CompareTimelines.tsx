/**
 * Both runs on one time scale, one above the other: the same layout and SVG writer as the
 * timeline and its export, each under its side's name, with the timeline's words as text.
 */
import { useSyncExternalStore } from 'react';
import { describeTimeline, timelineLayout, timelineShapes } from '../../core/layout/timeline.ts';
import { theme } from '../../ui/draw/palette.ts';
import { svgDocument } from '../../ui/draw/svg.ts';
import type { Side } from './sides.ts';

const WIDTH = 900;
const dark = window.matchMedia('(prefers-color-scheme: dark)');
const subscribe = (f: () => void) => {
  dark.addEventListener('change', f);
  return () => dark.removeEventListener('change', f);
};

export function CompareTimelines({ sides }: { sides: readonly [Side, Side] }) {
  const isDark = useSyncExternalStore(subscribe, () => dark.matches);
  const layouts = sides.map((s) =>
    s.analysis?.schedule ? timelineLayout(s.analysis.schedule) : null,
  );
  const t1 = Math.max(1e-9, ...layouts.map((l) => l?.span ?? 0)) * 1.04;
  return (
    <div className="compare-timelines">
      {sides.map((s, i) => {
        const l = layouts[i];
        const name = `${i === 0 ? 'A' : 'B'}: ${s.label}`;
        if (!l) {
          return (
            <p key={name} className="muted">
              {name}: no run to draw.
            </p>
          );
        }
        const win = { t0: 0, t1, width: WIDTH, height: l.height + 8 };
        const svg = svgDocument(
          [{ width: WIDTH, height: win.height, shapes: timelineShapes(l, win) }],
          theme(isDark ? 'dark' : 'light'),
          { title: name },
        );
        return (
          <img
            key={name}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            alt={`${name}. ${describeTimeline(l)}`}
            width={WIDTH}
          />
        );
      })}
    </div>
  );
}
