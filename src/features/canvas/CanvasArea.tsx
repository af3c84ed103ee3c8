/**
 * The canvas area: every group's job x pod grid and the timeline, drawn from the current design
 * and its schedule, with their text alternatives (a description per group, and a table view),
 * the per-group pod duration, and exports of the whole design or the current view.
 */
import { formatNumber } from '../../ui/format.ts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Pager } from '../../ui/Pager.tsx';
import { usePage } from '../../ui/usePage.ts';
import type { Expansion, Schedule } from '../../core/ui.ts';
import { gridLayout, gridShapes, wholeGrid, type GridLayout } from '../../core/layout/grid.ts';
import { describeGroup } from '../../core/layout/gridNavigation.ts';
import type { Drawing } from '../../core/layout/shapes.ts';
import {
  timelineLayout,
  timelineShapes,
  wholeTimeline,
  type TimelineLayout,
  type TimeWindow,
} from '../../core/layout/timeline.ts';
import { useDesigner } from '../../state/store.ts';
import { useApplyFix } from '../../state/fixes.ts';
import {
  selectClusterFindings,
  selectDesignName,
  selectExpansion,
  selectOperator,
  selectSchedule,
  selectShowingLastGood,
} from '../../state/selectors.ts';
import { fileStem } from '../../ui/download.ts';
import { waveColor } from '../../ui/draw/palette.ts';
import { exportPng, exportSvg } from './exportImage.ts';
import { PodDetails } from './PodDetails.tsx';
import { GridCanvas, type GridViewNow } from './GridCanvas.tsx';
import { GroupTable } from './GroupTable.tsx';
import { TableView } from './TableView.tsx';
import { RehearsalBanner } from './RehearsalBanner.tsx';
import { TimelineCanvas } from './TimelineCanvas.tsx';
import { LintList } from '../../ui/LintList.tsx';
import { actualRun } from '../../core/rehearse/actual.ts';
import { getOwn } from '../../core/own.ts';
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
        <p className="muted">
          {operator && operator !== 'jobset'
            ? `Operator "${operator}": the job x pod view covers jobset only.`
            : 'No jobset design to draw yet.'}
        </p>
      )}
      <GroupTable />
    </section>
  );
}

type Scope = 'whole' | 'view';

/** Groups listed at once under the canvas. */
const GROUPS_PAGE = 25;

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
  const applyFix = useApplyFix();
  const designName = useDesigner(selectDesignName);
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
  // What the cluster does to the run (a run that never finishes, pods idle while they wait for
  // their group, a peak that does not fit) beside the run, not only in the sidebar.
  const clusterFindings = useDesigner(selectClusterFindings);
  const [scope, setScope] = useState<Scope>('whole');
  const gridApi = useRef<{ fit: () => void; view: () => GridViewNow } | null>(null);
  const timeWindow = useRef<(() => TimeWindow) | null>(null);
  const onGridReady = useCallback(
    (api: { fit: () => void; view: () => GridViewNow }) => (gridApi.current = api),
    [],
  );
  const onTimelineReady = useCallback((w: () => TimeWindow) => (timeWindow.current = w), []);
  const ordered = grid.groups.map((g) => g.figures);
  const descriptions = useMemo(() => ordered.map(describeGroup), [grid]); // eslint-disable-line react-hooks/exhaustive-deps
  const page = usePage(ordered.length, GROUPS_PAGE);
  // The canvases are described by the groups listed below them (the page in view).
  const descriptionIds = [
    ordered.length > GROUPS_PAGE ? 'grid-summary' : '',
    ...ordered.slice(page.from, page.to).map((_, k) => `grid-description-${page.from + k}`),
  ]
    .filter(Boolean)
    .join(' ');
  const stem = fileStem(designName);
  const drawings = () =>
    exportDrawings(grid, timeline, scope, gridApi.current?.view() ?? null, timeWindow.current?.());

  return (
    <div>
      <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
        <button type="button" onClick={() => gridApi.current?.fit()} disabled={tableView}>
          Fit to view
        </button>
        <label className="export-scope">
          Export
          <select
            value={scope}
            onChange={(e) => setScope(e.target.value as Scope)}
            aria-label="What to export"
          >
            <option value="whole">whole design</option>
            <option value="view" disabled={tableView}>
              current view
            </option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => void exportPng(drawings(), designName, `${stem}-jobs-and-pods.png`)}
        >
          PNG
        </button>
        <button
          type="button"
          onClick={() => exportSvg(drawings(), designName, `${stem}-jobs-and-pods.svg`)}
        >
          SVG
        </button>
        <Legend maxWaves={grid.maxWaves} />
      </div>
      {!tableView && (
        <p className="grid-axes note">
          Each row is a Job (<var>a</var>, from 0), each column a pod index in its Job (<var>b</var>
          ): pod <code>group-a-b</code>. Colour is the wave the pod runs in.
        </p>
      )}
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
      <GroupSettings groups={ordered.map((g) => g.name)} descriptions={descriptions} page={page} />
      <RehearsalBanner />
      {!tableView && (
        <>
          <h3 className="subhead">
            Timeline{' '}
            <span className="note">
              (
              {timeline.rehearsal
                ? 'the rehearsal, the plan dashed behind, failed pods red'
                : schedule.simulated
                  ? 'on your cluster, the plan dashed behind'
                  : 'planned run'}
              ; hours; Ctrl+wheel zooms, drag pans)
            </span>
          </h3>
          {/* What the cluster does to the run, where the run is drawn (also in the sidebar). */}
          {schedule.simulated && (
            <LintList items={clusterFindings} label="On your cluster" onFix={applyFix} />
          )}
          <TimelineCanvas
            layout={timeline}
            describedBy={descriptionIds}
            onReady={onTimelineReady}
          />
        </>
      )}
    </div>
  );
}

/** The grid and the timeline as drawings to export: the whole design, or what is in view. */
function exportDrawings(
  grid: GridLayout,
  timeline: TimelineLayout,
  scope: Scope,
  gridView: GridViewNow | null,
  timeView: TimeWindow | undefined,
): Drawing[] {
  if (scope === 'view' && gridView && timeView) {
    return [
      { width: gridView.width, height: gridView.height, shapes: gridShapes(grid, gridView, {}) },
      {
        width: timeView.width,
        height: timeView.height,
        shapes: timelineShapes(timeline, timeView),
      },
    ];
  }
  const g = wholeGrid(grid, {});
  return [g, wholeTimeline(timeline, Math.max(g.width, 900))];
}

function Legend({ maxWaves }: { maxWaves: number }) {
  const shown = Math.min(maxWaves, 10);
  return (
    <ul className="legend" aria-label="Wave colours">
      {Array.from({ length: shown }, (_, w) => {
        const wave = shown === maxWaves ? w : Math.round((w * (maxWaves - 1)) / (shown - 1 || 1));
        return (
          <li key={w}>
            <span className="swatch" style={{ background: waveColor(wave, maxWaves) }} />
            wave {wave + 1}
          </li>
        );
      })}
      {shown < maxWaves && <li className="muted">of {formatNumber(maxWaves)}</li>}
    </ul>
  );
}

/**
 * Per group: its description (the canvas's text alternative), pod duration and a way to its
 * YAML; a page at a time for designs of many groups.
 */
function GroupSettings({
  groups,
  descriptions,
  page,
}: {
  groups: readonly string[];
  descriptions: readonly string[];
  page: ReturnType<typeof usePage>;
}) {
  const durations = useDesigner((s) => s.durations);
  const setDuration = useDesigner((s) => s.setDuration);
  const spans = useDesigner((s) => s.analysis?.groupSpans);
  const revealAt = useDesigner((s) => s.revealAt);
  const focused = useDesigner((s) => s.focusedGroup);
  const spanOf = useMemo(() => new Map((spans ?? []).map((s) => [s.name, s])), [spans]);
  return (
    <>
      <ul className="group-settings" aria-label="Groups in the grid">
        {groups.slice(page.from, page.to).map((name, k) => {
          const i = page.from + k;
          const span = spanOf.get(name);
          return (
            <li key={name} aria-current={focused === name || undefined}>
              <span id={`grid-description-${i}`} className="description">
                {descriptions[i]}
              </span>
              <DurationField
                group={name}
                value={getOwn(durations, name) ?? 1}
                onChange={(h) => setDuration(name, h)}
              />
              <button
                type="button"
                aria-label={`Show ${name} in YAML`}
                disabled={!span}
                onClick={() =>
                  span &&
                  revealAt({
                    target: 'yaml',
                    start: span.keyStart,
                    end: span.keyEnd,
                    path: ['spec', 'types', name],
                  })
                }
              >
                Show in YAML
              </button>
            </li>
          );
        })}
      </ul>
      <Pager label="the groups in the grid" {...page} />
    </>
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

/** A pod duration in hours: keeps what is typed, applies it when it is a positive number. */
function DurationField({
  group,
  value,
  onChange,
}: {
  group: string;
  value: number;
  onChange: (hours: number) => void;
}) {
  const [draft, setDraft] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (Number(draft) !== value) setDraft(String(value));
  }
  const n = Number(draft);
  const invalid = draft.trim() === '' || !Number.isFinite(n) || n <= 0;
  return (
    <label>
      Pod duration (h)
      <input
        type="number"
        min="0"
        step="any"
        aria-label={`Pod duration of ${group}`}
        aria-invalid={invalid || undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const h = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(h) && h > 0) onChange(h);
        }}
        onBlur={() => invalid && setDraft(String(value))}
      />
    </label>
  );
}
