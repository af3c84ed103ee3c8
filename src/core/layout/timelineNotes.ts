/** The words on the timeline: per group notes, the makespan markers, and the timeline in words. */
import { figure, NEVER_FINISHES, num } from '../format.ts';
import type { GroupFigures } from '../jobset/expand.ts';
import type { SimGroup } from '../sim/simulate.ts';
import type { ActualGroup } from '../rehearse/actual.ts';
import { textWidth, type Shape } from './shapes.ts';
import type { TIMELINE_DEFAULTS, TimelineLayout, X } from './timelineModel.ts';

/** Per group, a note where it does not run as drawn: left out, paused, queued or never starting. */
export function groupNotes(
  out: Shape[],
  layout: TimelineLayout,
  x: X,
  dy: number,
  left: number,
  right: number,
  height: number,
  top: number,
) {
  for (const g of layout.groups) {
    const y = g.y + dy + 10;
    if (y < top || y > height) continue;
    const f = g.plan.figures;
    const note =
      f.state === 'unknown'
        ? 'left out: its figures are not valid'
        : f.state === 'paused'
          ? 'paused: no pod starts'
          : layout.rehearsal
            ? rehearsalNote(g.actual)
            : g.sim && layout.simulated
              ? simNote(f, g.sim)
              : null;
    if (!note) continue;
    const size = 11;
    const w = textWidth(note, size);
    const at = Math.max(left + 4, x(g.plan.runHours ?? 0) + 6);
    const fits = at + w <= right;
    out.push({
      kind: 'text',
      x: fits ? at : Math.max(left + 4, right - w),
      y,
      spans: [{ text: note }],
      size,
      tone: f.state !== 'runs' ? 'muted' : layout.rehearsal ? 'error' : 'warning',
      backdrop: true,
      maxWidth: right - left - 8,
    });
  }
}

/** What a group's header says of its rehearsal, or null when every pod succeeded. */
function rehearsalNote(a: ActualGroup | null): string | null {
  if (!a) return 'not in the rehearsal';
  const parts = [
    a.failed ? `${num(a.failed)} failed` : '',
    a.notStarted ? `${num(a.notStarted)} never started` : '',
  ].filter(Boolean);
  return parts.length ? `rehearsal: ${parts.join(', ')}` : null;
}

/** What a group's header says on the user's cluster, or null when it runs as planned. */
export function simNote(f: GroupFigures, s: SimGroup): string | null {
  if (s.synchronous?.canNeverStart) {
    return `never starts: needs all ${num(f.concurrentPods ?? 0)} pods up at once`;
  }
  if (s.neverStarts || (s.end === null && s.firstStart === null))
    return 'never starts on your cluster';
  if (s.end === null) return `${NEVER_FINISHES} on your cluster`;
  if (s.delayedPods > 0) return `queued: ends at ${figure(s.end)} h`;
  return null;
}

/** The makespan lines: the plan's, and the run's on the user's cluster. */
export function markers(
  out: Shape[],
  layout: TimelineLayout,
  x: X,
  o: typeof TIMELINE_DEFAULTS,
  height: number,
) {
  const line = (t: number, tone: 'accent' | 'warning', dash: number[]) =>
    out.push({ kind: 'lines', coords: [x(t), o.axis, x(t), height], stroke: tone, width: 1, dash });
  if (layout.plannedMakespan > 0) line(layout.plannedMakespan, 'accent', [4, 3]);
  const m = layout.simulated?.makespan ?? layout.rehearsal?.makespan;
  if (m !== null && m !== undefined && m !== layout.plannedMakespan) line(m, 'warning', [2, 3]);
}

/**
 * The wait in Kueue's queue: a band from the start of the axis to hour 0, over every lane, with
 * its words at the top (over the band, or past its end when the band is narrow).
 */
export function waitBand(
  out: Shape[],
  layout: TimelineLayout,
  x: X,
  top: number,
  height: number,
  right: number,
) {
  const wait = layout.wait;
  if (!wait) return;
  const [x0, x1] = [x(-wait.drawn), x(0)];
  if (x1 <= x(layout.start) - 1 || x1 < 0) return;
  const bottom = Math.min(height, layout.height + 8);
  out.push({
    kind: 'rect',
    x: x0,
    y: top,
    w: x1 - x0,
    h: bottom - top,
    fill: wait.tone,
    alpha: 0.12,
  });
  out.push({
    kind: 'lines',
    coords: [x1, top, x1, bottom],
    stroke: wait.tone,
    width: 1,
    dash: [2, 2],
  });
  const size = 11;
  out.push({
    kind: 'text',
    x: Math.max(x0, x(layout.start)) + 4,
    y: top + 10,
    spans: [{ text: wait.label }],
    size,
    tone: wait.tone,
    backdrop: true,
    maxWidth: right - x0 - 8,
  });
}

/** The timeline in words: which run it shows and how long it takes. */
export function describeTimeline(layout: TimelineLayout): string {
  const planned = `${figure(layout.plannedMakespan)} h`;
  const sim = layout.simulated;
  const left = layout.leftOut.length
    ? `; left out (figures not valid): ${layout.leftOut.join(', ')}`
    : '';
  const r = layout.rehearsal;
  if (r) {
    const ran =
      r.makespan === null ? 'did not finish' : `ran for ${figure(r.makespan)} h of pod time`;
    const failed = r.failed
      ? `; ${num(r.failed)} pod${r.failed === 1 ? '' : 's'} failed (in red)`
      : '';
    return `Timeline in hours: the rehearsal ${ran} (planned ${planned}, dashed)${failed}${left}`;
  }
  const queued = layout.wait ? `; before the run, ${layout.wait.label}` : '';
  if (!sim)
    return `Timeline in hours: the design runs for ${planned} on an unlimited cluster${queued}${left}`;
  const run = sim.makespan === null ? 'never finishes' : `runs for ${figure(sim.makespan)} h`;
  return `Timeline in hours: on your cluster the design ${run} (${planned} on an unlimited cluster)${queued}${left}`;
}
