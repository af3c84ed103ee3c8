/** Finding one's way in the grid: the pod under a point, the arrow keys' next pod, the groups and pods in view in words. */
import { num } from '../format.ts';
import type { GroupFigures } from '../jobset/expand.ts';
import { visibleCells, type GridLayout, type GridView, type PodRef } from './grid.ts';

/** The pod under world point (x, y), or null. `group` indexes `layout.groups`. */
export function hitTest(layout: GridLayout, x: number, y: number): PodRef | null {
  const { groups, cell } = layout;
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = groups[mid]!;
    if (y < g.y) hi = mid - 1;
    else if (y >= g.y + g.height) lo = mid + 1;
    else {
      if (y < g.cellsY || x < 0) return null;
      const job = Math.floor((y - g.cellsY) / cell);
      const pod = Math.floor(x / cell);
      return job < g.rows && pod < g.cols ? { group: mid, job, pod } : null;
    }
  }
  return null;
}

/**
 * Which Jobs and pods the view shows, in words: "In view: worker Jobs 120-239 of 1,000, pods
 * 0-59 of 1,000". Groups are found by binary search from the top of the view, so the cost does
 * not grow with the number of groups above it; at most `max` groups are named.
 */
export function inViewText(layout: GridLayout, view: GridView, max = 3): string {
  const k = view.k;
  const world = {
    x0: -view.x / k,
    x1: (view.width - view.x) / k,
    y0: -view.y / k,
    y1: (view.height - view.y) / k,
  };
  const { groups, cell } = layout;
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid]!.y + groups[mid]!.height <= world.y0) lo = mid + 1;
    else hi = mid;
  }
  if (world.x0 <= 0 && world.y0 <= 0 && world.x1 >= layout.width && world.y1 >= layout.height)
    return 'The whole design is in view.';
  const parts: string[] = [];
  let more = 0;
  for (let i = lo; i < groups.length && groups[i]!.y < world.y1; i++) {
    const g = groups[i]!;
    const r = visibleCells(g, cell, world);
    if (!r) continue;
    if (parts.length >= max) {
      more++;
      continue;
    }
    const range = (a: number, b: number, of: number, word: string) =>
      a === 0 && b === of
        ? `all ${num(of)} ${word}`
        : `${word} ${num(a)}–${num(b - 1)} of ${num(of)}`;
    parts.push(
      `${g.name} ${range(r.job0, r.job1, g.rows, 'Jobs')}, ${range(r.pod0, r.pod1, g.cols, 'pods')}`,
    );
  }
  if (parts.length === 0) return 'No pod in view: Fit to view brings the design back.';
  return `In view: ${parts.join('; ')}${more ? `; and ${num(more)} more group${more === 1 ? '' : 's'}` : ''}.`;
}

/** A pod next to `ref` in direction (dj, dp), moving across groups at the top and bottom. */
export function stepPod(layout: GridLayout, ref: PodRef, dj: number, dp: number): PodRef {
  const g = layout.groups[ref.group]!;
  const pod = Math.min(Math.max(0, ref.pod + dp), Math.max(0, g.cols - 1));
  const job = ref.job + dj;
  if (job >= 0 && job < g.rows) return { ...ref, job, pod };
  // Off the group's edge: the next group with pods in that direction.
  for (let i = ref.group + Math.sign(dj); i >= 0 && i < layout.groups.length; i += Math.sign(dj)) {
    const next = layout.groups[i]!;
    if (next.rows > 0 && next.cols > 0) {
      return { group: i, job: dj > 0 ? 0 : next.rows - 1, pod: Math.min(pod, next.cols - 1) };
    }
  }
  return { ...ref, pod };
}

/** "worker: 4 jobs x 2 pods, 2 at a time, 8 pods in 1 wave": the grid in words. */
export function describeGroup(g: GroupFigures): string {
  const n = (x: number | null, word: string) =>
    x === null ? `unknown ${word}s` : `${num(x)} ${word}${x === 1 ? '' : 's'}`;
  const head = `${g.name}: ${n(g.count, 'job')} x ${n(g.completions, 'pod')}`;
  switch (g.state) {
    case 'paused':
      return `${head}, paused (parallelisms 0): no pod starts`;
    case 'empty':
      return `${head}: no pods`;
    case 'unknown':
      return `${head}: figures not valid`;
    case 'runs':
      return `${head}, ${num(g.effectiveParallelism!)} at a time, ${n(g.pods, 'pod')} in ${n(g.waves, 'wave')}`;
  }
}
