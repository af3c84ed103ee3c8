/** The timeline's time axis: ticks in hours, and the makespans labelled above them. */
import { figure, NEVER_FINISHES } from '../format.ts';
import { ticks, tickLabel } from './axis.ts';
import { textWidth, type Shape } from './shapes.ts';
import type { TimelineLayout, X } from './timelineModel.ts';

/**
 * The time axis on top: makespan labels on the first row, round-hour ticks on the second, so
 * they never run into each other.
 */
export function axis(
  out: Shape[],
  layout: TimelineLayout,
  x: X,
  t0: number,
  t1: number,
  left: number,
  right: number,
  width: number,
  top: number,
) {
  out.push({ kind: 'rect', x: 0, y: 0, w: width, h: top, fill: 'background' });
  out.push({
    kind: 'text',
    x: 4,
    y: top - 10,
    spans: [{ text: 'hours' }],
    size: 11,
    tone: 'muted',
  });
  const coords: number[] = [left, top, right, top];
  const wait = layout.wait;
  // Hours count from the run's start; the wait before it is marked only where it begins: now.
  const now = wait && wait.hours === wait.drawn ? [-wait.drawn] : [];
  for (const t of [...now, ...ticks(t0, t1, Math.max(2, Math.floor((right - left) / 90)))]) {
    const px = x(t);
    if (px < left - 0.5 || px > right + 0.5 || (t < 0 && !now.includes(t))) continue;
    coords.push(px, top - 5, px, top);
    const label = t < 0 ? 'now' : tickLabel(t);
    const half = textWidth(label, 11) / 2;
    out.push({
      kind: 'text',
      x: Math.min(px, width - 2 - half),
      y: top - 12,
      spans: [{ text: label }],
      size: 11,
      tone: 'muted',
      anchor: 'middle',
    });
  }
  out.push({ kind: 'lines', coords, stroke: 'muted', width: 1 });
  const labels = makespanLabels(layout, t1);
  for (const l of placeLabels(labels, x, left, right, width)) {
    out.push({ kind: 'text', x: l.start, y: 9, spans: [{ text: l.text }], size: 11, tone: l.tone });
  }
}

interface MakespanLabel {
  readonly t: number;
  readonly text: string;
  readonly tone: 'accent' | 'warning';
}

/** The makespans the timeline marks: planned, and the rehearsal's or the cluster's when they differ. */
function makespanLabels(layout: TimelineLayout, t1: number): MakespanLabel[] {
  const labels: MakespanLabel[] = [];
  const sim = layout.simulated;
  const rehearsal = layout.rehearsal;
  if (layout.plannedMakespan > 0) {
    labels.push({
      t: layout.plannedMakespan,
      text: `${sim ? 'unlimited' : rehearsal ? 'planned' : 'makespan'} ${figure(layout.plannedMakespan)} h`,
      tone: 'accent',
    });
  }
  if (rehearsal && rehearsal.makespan !== layout.plannedMakespan) {
    labels.push({
      t: rehearsal.makespan ?? t1,
      text:
        rehearsal.makespan === null
          ? 'rehearsal: never finished'
          : `rehearsal ${figure(rehearsal.makespan)} h`,
      tone: 'warning',
    });
  }
  if (sim && sim.makespan !== layout.plannedMakespan) {
    labels.push({
      t: sim.makespan ?? t1,
      text:
        sim.makespan === null
          ? `on your cluster: ${NEVER_FINISHES}`
          : `on your cluster ${figure(sim.makespan)} h`,
      tone: 'warning',
    });
  }
  return labels;
}

/**
 * Each label beside its line, inside the drawing; the earlier one goes left of its line when
 * another follows, and moves further left when they would meet.
 */
function placeLabels(labels: MakespanLabel[], x: X, left: number, right: number, width: number) {
  const placed = labels
    .sort((a, b) => a.t - b.t)
    .map((l, i) => {
      const w = textWidth(l.text, 11);
      const px = Math.min(Math.max(x(l.t), left), right);
      let start = i === 0 && labels.length > 1 ? px - 4 - w : px + 4;
      if (start + w > width - 2) start = px - 4 - w;
      return { ...l, w, start: Math.max(2, Math.min(start, width - 2 - w)) };
    });
  for (let i = placed.length - 2; i >= 0; i--) {
    const a = placed[i]!;
    const b = placed[i + 1]!;
    if (a.start + a.w + 8 > b.start) a.start = Math.max(2, b.start - 8 - a.w);
  }
  return placed;
}
