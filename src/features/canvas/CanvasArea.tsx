/**
 * The canvas area: every group's job x pod grid and the timeline, drawn from the current design,
 * with their text alternatives (a description per group, and a table view), the per-group pod
 * duration, and exports.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Expansion, SimGroup } from '../../core/index.ts';
import { describeGroup, gridLayout } from '../../core/layout/grid.ts';
import { timelineLayout } from '../../core/layout/timeline.ts';
import { useDesigner } from '../../state/store.ts';
import {
  selectDesignName,
  selectExpansion,
  selectOperator,
  selectShowingLastGood,
} from '../../state/selectors.ts';
import { GroupTable } from '../summary/GroupTable.tsx';
import { download } from '../../app/download.ts';
import { buildSvg, exportPng, fileStem } from './exportImage.ts';
import { GridCanvas } from './GridCanvas.tsx';
import { waveColor } from './palette.ts';
import { TableView } from './TableView.tsx';
import { TimelineCanvas } from './TimelineCanvas.tsx';

const NO_GROUPS: readonly SimGroup[] = [];

export function CanvasArea() {
  const expansion = useDesigner(selectExpansion);
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
      {expansion ? (
        <Drawing expansion={expansion} tableView={tableView} />
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

function Drawing({ expansion, tableView }: { expansion: Expansion; tableView: boolean }) {
  const durations = useDesigner((s) => s.durations);
  const designName = useDesigner(selectDesignName);
  const simulation = useDesigner((s) => s.analysis?.simulation ?? null);
  const simulatedMakespan = simulation?.makespan ?? null;
  const grid = useMemo(() => gridLayout(expansion), [expansion]);
  const timeline = useMemo(() => timelineLayout(expansion, durations), [expansion, durations]);
  const maxWaves = useMemo(
    () => Math.max(1, ...expansion.groups.map((g) => g.waves ?? 1)),
    [expansion],
  );
  const fit = useRef<() => void>(() => {});
  const onFitReady = useCallback((f: () => void) => (fit.current = f), []);
  const gridCanvas = useRef<HTMLCanvasElement>(null);
  const area = useRef<HTMLDivElement>(null);
  const ordered = grid.groups.map((g) => g.figures);
  const descriptionIds = ordered.map((_, i) => `grid-description-${i}`).join(' ');
  const stem = fileStem(designName);

  return (
    <div ref={area}>
      <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
        <button type="button" onClick={() => fit.current()} disabled={tableView}>
          Fit to view
        </button>
        <button
          type="button"
          disabled={tableView}
          onClick={() =>
            void exportPng(
              [...(area.current?.querySelectorAll('canvas') ?? [])],
              `${stem}-jobs-and-pods.png`,
            )
          }
        >
          Export PNG
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              new Blob([buildSvg(grid, timeline, maxWaves, designName)], { type: 'image/svg+xml' }),
              `${stem}-jobs-and-pods.svg`,
            )
          }
        >
          Export SVG
        </button>
        <Legend maxWaves={maxWaves} />
      </div>
      {tableView ? (
        <TableView expansion={expansion} groups={ordered} />
      ) : (
        <>
          <GridCanvas
            layout={grid}
            expansion={expansion}
            maxWaves={maxWaves}
            describedBy={descriptionIds}
            onFitReady={onFitReady}
            canvasRef={gridCanvas}
          />
          <SelectionAnnouncer />
        </>
      )}
      <GroupSettings
        groups={ordered.map((g) => g.name)}
        descriptions={ordered.map(describeGroup)}
      />
      {!tableView && (
        <>
          <h3 className="subhead">
            Timeline <span className="note">(hours; Ctrl+wheel zooms, drag pans)</span>
          </h3>
          <TimelineCanvas
            layout={timeline}
            maxWaves={maxWaves}
            describedBy={descriptionIds}
            simulatedMakespan={simulatedMakespan}
            simulated={simulation?.groups ?? NO_GROUPS}
          />
        </>
      )}
    </div>
  );
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
      {shown < maxWaves && <li className="muted">of {maxWaves.toLocaleString('en-US')}</li>}
    </ul>
  );
}

/** Per group: its description (the canvas's text alternative), pod duration and a way to its YAML. */
function GroupSettings({ groups, descriptions }: { groups: string[]; descriptions: string[] }) {
  const durations = useDesigner((s) => s.durations);
  const setDuration = useDesigner((s) => s.setDuration);
  const spans = useDesigner((s) => s.analysis?.groupSpans);
  const revealAt = useDesigner((s) => s.revealAt);
  const focused = useDesigner((s) => s.focusedGroup);
  return (
    <ul className="group-settings" aria-label="Groups in the grid">
      {groups.map((name, i) => {
        const span = spans?.find((s) => s.name === name);
        return (
          <li key={name} aria-current={focused === name || undefined}>
            <span id={`grid-description-${i}`} className="description">
              {descriptions[i]}
            </span>
            <DurationField
              group={name}
              value={durations[name] ?? 1}
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
