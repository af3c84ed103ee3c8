/** The grid and timeline layouts of a design; the timeline with the rehearsal's run when there is one. */
import { useMemo } from 'react';
import type { Expansion, Schedule } from '../../core/ui.ts';
import { gridLayout } from '../../core/layout/grid.ts';
import { timelineLayout } from '../../core/layout/timeline.ts';
import { actualRun } from '../../core/rehearse/actual.ts';
import { useDesigner } from '../../state/store.ts';

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
  const timeline = useMemo(() => timelineLayout(schedule, {}, actual), [schedule, actual]);
  return { grid, timeline };
}
