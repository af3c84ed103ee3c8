/**
 * The grid and timeline layouts of a design; the timeline with the rehearsal's run when there is
 * one, and the wait in Kueue's queue before the run when the design has a Kueue verdict.
 */
import { useMemo } from 'react';
import type { Expansion, Schedule } from '../../core/ui.ts';
import { gridLayout } from '../../core/layout/grid.ts';
import { timelineLayout } from '../../core/layout/timeline.ts';
import { actualRun } from '../../core/rehearse/actual.ts';
import { useDesigner } from '../../state/store.ts';
import { queueWait } from '../../core/kueue/wait.ts';
import { useNow } from '../../ui/useNow.ts';

export function useCanvasLayouts(expansion: Expansion, schedule: Schedule) {
  const grid = useMemo(() => gridLayout(expansion), [expansion]);
  const record = useDesigner((s) => s.rehearsal?.record ?? null);
  const actual = useMemo(
    () =>
      record && {
        run: actualRun(record),
        makespan:
          record.actual.makespan === null
            ? null
            : record.actual.makespan / record.options.secondsPerHour,
      },
    [record],
  );
  // The wait in Kueue's queue before the run, counted from now (a minute at a time).
  const kueue = useDesigner((s) => s.analysis?.kueue ?? null);
  const now = useNow();
  const wait = useMemo(
    () => (kueue?.kind === 'verdict' && now !== null ? queueWait(kueue, now) : null),
    [kueue, now],
  );
  const timeline = useMemo(
    () => timelineLayout(schedule, {}, actual, wait),
    [schedule, actual, wait],
  );
  return { grid, timeline };
}
