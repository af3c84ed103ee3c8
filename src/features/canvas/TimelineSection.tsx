/** The timeline under the grid: its heading, what the cluster does to the run, and the canvas. */
import type { TimelineLayout, TimeWindow } from '../../core/layout/timeline.ts';
import { useApplyFix } from '../../state/fixes.ts';
import { selectClusterFindings } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { LintList } from '../../ui/LintList.tsx';
import { TimelineCanvas } from './TimelineCanvas.tsx';

export function TimelineSection({
  timeline,
  simulated,
  describedBy,
  onReady,
}: {
  timeline: TimelineLayout;
  /** Whether the schedule is a run simulated on the user's cluster. */
  simulated: boolean;
  describedBy: string;
  onReady: (w: () => TimeWindow) => void;
}) {
  const applyFix = useApplyFix();
  // What the cluster does to the run (a run that never finishes, pods idle while they wait for
  // their group, a peak that does not fit) beside the run, not only in the sidebar.
  const clusterFindings = useDesigner(selectClusterFindings);
  return (
    <>
      <h3 className="subhead">
        Timeline{' '}
        <span className="note">
          (
          {timeline.rehearsal
            ? 'the rehearsal, the plan dashed behind, failed pods red'
            : simulated
              ? 'on your cluster, the plan dashed behind'
              : 'planned run'}
          ; hours; Ctrl+wheel zooms, drag pans)
        </span>
      </h3>
      {/* What the cluster does to the run, where the run is drawn (also in the sidebar). */}
      {simulated && <LintList items={clusterFindings} label="On your cluster" onFix={applyFix} />}
      <TimelineCanvas layout={timeline} describedBy={describedBy} onReady={onReady} />
    </>
  );
}
