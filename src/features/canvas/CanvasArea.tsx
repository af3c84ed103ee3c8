/**
 * The canvas area: every group's job x pod grid and the timeline, drawn from the current design
 * and its schedule, with their text alternatives (a description per group, and a table view),
 * the per-group pod duration, and exports of the whole design or the current view.
 */
import { formatNumber } from '../../ui/format.ts';
import { useCallback, useRef } from 'react';
import type { Expansion, Schedule } from '../../core/ui.ts';
import { nothingToDraw } from '../../core/ui.ts';
import type { TimeWindow } from '../../core/layout/timeline.ts';
import { useDesigner } from '../../state/store.ts';
import {
  selectExpansion,
  selectOperator,
  selectSchedule,
  selectShowingLastGood,
} from '../../state/selectors.ts';
import { PodDetails } from './PodDetails.tsx';
import { GridCanvas, type GridViewNow } from './GridCanvas.tsx';
import { GroupTable } from './GroupTable.tsx';
import { TableView } from './TableView.tsx';
import { RehearsalBanner } from './RehearsalBanner.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { GroupSettings } from './GroupSettings.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { exportDrawings } from './exportDrawings.ts';
import { useCanvasLayouts } from './useCanvasLayouts.ts';
import { GROUPS_PAGE, useGroupDescriptions } from './useGroupDescriptions.ts';
import './canvas.css';

export function CanvasArea() {
  const expansion = useDesigner(selectExpansion);
  const schedule = useDesigner(selectSchedule);
  const operator = useDesigner(selectOperator);
  const tableView = useDesigner((s) => s.tableView);
  const setTableView = useDesigner((s) => s.setTableView);
  const lastGood = useDesigner(selectShowingLastGood);
  return (
    <section
      className={`panel canvas-area${lastGood ? ' stale' : ''}`}
      aria-labelledby="canvas-title"
    >
      <div className="panel-title">
        <h2 id="canvas-title">Jobs and pods</h2>
        <button type="button" aria-pressed={tableView} onClick={() => setTableView(!tableView)}>
          Table view
        </button>
      </div>
      {lastGood && <p className="note">The last valid design, until the YAML is fixed.</p>}
      {expansion && schedule ? (
        <DesignViews expansion={expansion} schedule={schedule} tableView={tableView} />
      ) : (
        <p className="muted">{nothingToDraw(operator)}</p>
      )}
      <GroupTable />
    </section>
  );
}

/** The views of a design that expands: the grid (or its table) and the timeline. */
function DesignViews({
  expansion,
  schedule,
  tableView,
}: {
  expansion: Expansion;
  schedule: Schedule;
  tableView: boolean;
}) {
  const { grid, timeline } = useCanvasLayouts(expansion, schedule);
  const gridApi = useRef<{ fit: () => void; view: () => GridViewNow } | null>(null);
  const timeWindow = useRef<(() => TimeWindow) | null>(null);
  const onGridReady = useCallback(
    (api: { fit: () => void; view: () => GridViewNow }) => (gridApi.current = api),
    [],
  );
  const onTimelineReady = useCallback((w: () => TimeWindow) => (timeWindow.current = w), []);
  const { ordered, names, descriptions, page, descriptionIds } = useGroupDescriptions(grid);

  return (
    <div>
      <CanvasToolbar
        tableView={tableView}
        maxWaves={grid.maxWaves}
        onFit={() => gridApi.current?.fit()}
        drawings={(scope) =>
          exportDrawings(
            grid,
            timeline,
            scope,
            gridApi.current?.view() ?? null,
            timeWindow.current?.(),
          )
        }
      />
      {!tableView && <GridLegend run={expansion.run} />}
      {tableView ? (
        <TableView expansion={expansion} plan={schedule.plan} groups={ordered} />
      ) : (
        <>
          <GridCanvas
            layout={grid}
            expansion={expansion}
            plan={schedule.plan}
            describedBy={descriptionIds}
            onReady={onGridReady}
          />
          <SelectionAnnouncer />
        </>
      )}
      {/* Under the pod it is about, not at the far end of the page. */}
      <PodDetails />
      {ordered.length > GROUPS_PAGE && (
        <p id="grid-summary" className="note">
          {formatNumber(ordered.length)} groups, in the platform&apos;s order (by name); the list
          below shows {GROUPS_PAGE} at a time.
        </p>
      )}
      <GroupSettings groups={names} descriptions={descriptions} page={page} />
      <RehearsalBanner />
      {!tableView && (
        <TimelineSection
          timeline={timeline}
          simulated={Boolean(schedule.simulated)}
          describedBy={descriptionIds}
          onReady={onTimelineReady}
        />
      )}
    </div>
  );
}

/** Says which pod is selected, for screen readers (the canvas itself cannot). */
function SelectionAnnouncer() {
  const selected = useDesigner((s) => s.selected);
  return (
    <p className="visually-hidden" aria-live="polite">
      {selected ? `Selected ${selected.group}-${selected.job}-${selected.pod}` : ''}
    </p>
  );
}

/** How to read the grid: rows and columns, and how its pods are named, as the operator names them. */
function GridLegend({ run }: { run: Expansion['run'] }) {
  return (
    <p className="grid-axes note">
      {run.naming === 'jobset' ? (
        <>
          Each row is a Job (<var>a</var>, from 0), each column a pod index in its Job (<var>b</var>
          ): pod <code>group-a-b</code>.
        </>
      ) : (
        <>
          Each row is a replica (<var>i</var>, from 0) of one pod: pod <code>type-i</code>, as{' '}
          {run.operator} names it.
        </>
      )}{' '}
      Colour is the wave the pod runs in.
    </p>
  );
}
