/**
 * The design's run on the user's cluster, simulated: how long it takes (against unlimited), the
 * cluster findings with their fixes, each group's end and waits, and the $ per hour chart.
 */
import { lazy, Suspense } from 'react';
import {
  NEVER_FINISHES,
  type GroupFigures,
  type SimGroup,
  type Simulation,
} from '../../core/ui.ts';
import { useApplyFix } from '../../state/fixes.ts';
import { selectClusterFindings } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { formatNumber } from '../../ui/format.ts';
import { LintList } from '../../ui/LintList.tsx';

// The chart's D3 shapes load with the first simulated run, not with the page.
const CostChart = lazy(() => import('./CostChart.tsx').then((m) => ({ default: m.CostChart })));

export function SimulatedRun({
  sim,
  groups,
}: {
  sim: Simulation;
  /** The design's groups: their figures (pods) beside the simulated ones. */
  groups: readonly GroupFigures[];
}) {
  const applyFix = useApplyFix();
  const findings = useDesigner(selectClusterFindings);
  return (
    <div className="simulation" aria-label="Simulated run" role="group">
      <p>
        On this cluster the design{' '}
        <strong>
          {sim.makespan === null ? NEVER_FINISHES : `runs ${formatNumber(sim.makespan)} h`}
        </strong>{' '}
        (unlimited: {formatNumber(sim.idealMakespan)} h).
      </p>
      <LintList items={findings} label="Cluster findings" onFix={applyFix} />
      <SimulatedGroups sim={sim} groups={groups} />
      <Suspense fallback={<p className="note">Loading the chart…</p>}>
        <CostChart series={sim.series} span={Math.max(sim.makespan ?? 0, sim.idealMakespan)} />
      </Suspense>
    </div>
  );
}

/** Each group's end and its waits, paired with its figures by name. */
function SimulatedGroups({ sim, groups }: { sim: Simulation; groups: readonly GroupFigures[] }) {
  const figures = new Map(groups.map((g) => [g.name, g]));
  return (
    <table aria-label="Simulated groups">
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Ends (h)</th>
          <th scope="col">Waits</th>
        </tr>
      </thead>
      <tbody>
        {sim.groups.map((g) => (
          <tr key={g.name}>
            <th scope="row">{g.name}</th>
            <td>{endText(g)}</td>
            <td title={`${formatNumber(g.waitingPodHours)} pod-hours of waiting`}>
              {waitText(g, figures.get(g.name))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function endText(g: SimGroup): string {
  if (g.synchronous?.canNeverStart || (g.neverStarts && g.firstStart === null))
    return 'never starts';
  if (g.end === null) return NEVER_FINISHES;
  return formatNumber(g.end);
}

function waitText(g: SimGroup, f: GroupFigures | undefined): string {
  const pods = f?.pods ?? 0;
  if (g.synchronous?.canNeverStart) return `all ${formatNumber(pods)} pods, forever`;
  if (g.neverStarts) return 'some pods, forever';
  if (g.synchronous && g.synchronous.idlePodHours > 0) {
    return `${formatNumber(g.synchronous.idlePodHours)} pod-hours idle`;
  }
  return g.delayedPods ? `${formatNumber(g.delayedPods)} pods` : 'none';
}
