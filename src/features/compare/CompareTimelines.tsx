/**
 * Both runs on one time scale, one above the other: the same layout and SVG writer as the
 * timeline and its export, each under its side's name, with the timeline's words as text.
 */
import { useMemo } from 'react';
import { describeTimeline, timelineLayout, timelineShapes } from '../../core/layout/timeline.ts';
import { theme } from '../../draw/palette.ts';
import { svgDocument } from '../../draw/svg.ts';
import { useColorScheme } from '../../ui/useColorScheme.ts';
import type { Side } from './sides.ts';

const WIDTH = 900;

export function CompareTimelines({ sides }: { sides: readonly [Side, Side] }) {
  const scheme = useColorScheme();
  const [a, b] = sides;
  // Layout and SVG once per pair of runs and scheme, not on every render of the dialog.
  const pictures = useMemo(() => {
    const layouts = [a, b].map((s) =>
      s.analysis?.schedule ? timelineLayout(s.analysis.schedule) : null,
    );
    const t1 = Math.max(1e-9, ...layouts.map((l) => l?.span ?? 0)) * 1.04;
    return [a, b].map((s, i) => {
      const l = layouts[i];
      const name = `${i === 0 ? 'A' : 'B'}: ${s.label}`;
      if (!l) return { name, picture: null };
      const win = { t0: 0, t1, width: WIDTH, height: l.height + 8 };
      const svg = svgDocument(
        [{ width: WIDTH, height: win.height, shapes: timelineShapes(l, win) }],
        theme(scheme),
        { title: name },
      );
      return {
        name,
        picture: {
          src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
          alt: `${name}. ${describeTimeline(l)}`,
        },
      };
    });
  }, [a, b, scheme]);
  return (
    <div className="compare-timelines">
      {pictures.map(({ name, picture }) =>
        picture ? (
          <img key={name} src={picture.src} alt={picture.alt} width={WIDTH} />
        ) : (
          <p key={name} className="muted">
            {name}: no run to draw.
          </p>
        ),
      )}
    </div>
  );
}
