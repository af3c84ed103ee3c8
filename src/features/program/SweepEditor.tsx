/**
 * A group's sweep: its axes (a name and a list of values, or a range: from, to, points, linear
 * or log) and the index that picks a pod's point. Every change is one undo step that also writes
 * the figure the grid decides (`count` or `completions`).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  gridSize,
  parseSweepList,
  SWEEP_INDEXES,
  sweepField,
  sweepProblems,
  sweepTarget,
  sweepWarning,
  type AxisValues,
  type Sweep,
  type SweepAxis,
  type SweepIndex,
  type SweepValue,
} from '../../core/ui.ts';
import { applyFix } from '../../state/fixes.ts';
import { selectAnalysisVersion, selectFindings } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { applySweep } from '../../state/sweeps.ts';

const INDEX_HELP: Record<SweepIndex, string> = {
  JOB_INDEX: 'one trial per Job: count = the grid size',
  JOB_COMPLETION_INDEX: 'one shard per pod of a Job: completions = the grid size',
  JOB_GLOBAL_INDEX:
    'one point per Job of the JobSet (a design of one group): count = the grid size',
};

const NEW_AXIS: SweepAxis = { name: '', values: { kind: 'list', values: [] } };

export function SweepEditor({
  group,
  sweep,
  otherJobs,
}: {
  group: string;
  sweep: Sweep | null;
  /** Jobs of the design's other groups: JOB_GLOBAL_INDEX cannot number a grid beside them. */
  otherJobs: number | null;
}) {
  const id = useId();
  if (!sweep) return <AddSweep group={group} />;
  const set = (next: Sweep) => void applySweep(group, next);
  const setAxis = (i: number, axis: SweepAxis) =>
    set({ ...sweep, axes: sweep.axes.map((a, j) => (j === i ? axis : a)) });
  return (
    <fieldset className="sweep-editor">
      <legend>Sweep of {group}</legend>
      <label htmlFor={`${id}-index`}>Each pod picks its point by</label>{' '}
      <select
        id={`${id}-index`}
        value={sweep.index}
        onChange={(e) => set({ ...sweep, index: e.target.value as SweepIndex })}
      >
        {SWEEP_INDEXES.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
      <p className="muted sweep-help">
        {INDEX_HELP[sweep.index]}. The grid is in row-major order, the last axis fastest.
      </p>
      {sweep.axes.map((axis, i) => (
        <AxisRow
          key={i}
          n={i + 1}
          axis={axis}
          onChange={(a) => setAxis(i, a)}
          onRemove={() => set({ ...sweep, axes: sweep.axes.filter((_, j) => j !== i) })}
        />
      ))}
      <div className="sweep-actions">
        <button type="button" onClick={() => set({ ...sweep, axes: [...sweep.axes, NEW_AXIS] })}>
          Add an axis
        </button>
        <button type="button" onClick={() => void applySweep(group, null)}>
          Remove the sweep
        </button>
      </div>
      <SweepStatus group={group} sweep={sweep} otherJobs={otherJobs} />
    </fieldset>
  );
}

/** The button that gives a group without a sweep one axis (`lr`), its values to fill in. */
function AddSweep({ group }: { group: string }) {
  return (
    <button
      type="button"
      onClick={() =>
        void applySweep(group, {
          index: 'JOB_INDEX',
          axes: [{ name: 'lr', values: { kind: 'list', values: [] } }],
        })
      }
    >
      Add a sweep to {group}
    </button>
  );
}

/** What is wrong with the sweep as given, by itself or beside the other groups' Jobs. */
function problemsOf(sweep: Sweep, otherJobs: number | null): string[] {
  return [
    ...sweepProblems(sweep),
    ...(sweepTarget(sweep, otherJobs) === null
      ? [
          'JOB_GLOBAL_INDEX numbers the Jobs of every group, so in a design of several groups this group\u2019s Jobs do not start at 0: map the grid to JOB_INDEX.',
        ]
      : []),
  ];
}

/**
 * The sweep's size and the figure it writes, or the core's word on why it does not fit its
 * group (the same finding the Problems list and the command line give) with its fixes, or the
 * sweep's problems and warning.
 */
function SweepStatus({
  group,
  sweep,
  otherJobs,
}: {
  group: string;
  sweep: Sweep;
  otherJobs: number | null;
}) {
  const findings = useDesigner(selectFindings);
  const version = useDesigner(selectAnalysisVersion);
  const misfit = findings.find((d) => d.code === 'sweep-does-not-fit' && d.path[2] === group);
  const problems = problemsOf(sweep, otherJobs);
  const warning = sweepWarning(sweep);
  const size = gridSize(sweep);
  return (
    <>
      <p role="status" className={`sweep-size${misfit ? ' sweep-misfit' : ''}`}>
        {problems.length > 0
          ? ''
          : misfit
            ? misfit.message
            : `${size.toLocaleString('en-US')} points: ${sweepField(sweep.index)} follows the grid.`}
      </p>
      {problems.length === 0 &&
        misfit?.fixes?.map((fix) => (
          <button key={fix.title} type="button" onClick={() => void applyFix(fix, version)}>
            {fix.title}
          </button>
        ))}
      {(problems.length > 0 || warning) && (
        <ul className="field-problems" aria-label={`Sweep of ${group}: problems`}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
          {warning && <li className="warning">{warning}</li>}
        </ul>
      )}
    </>
  );
}

function AxisRow({
  n,
  axis,
  onChange,
  onRemove,
}: {
  n: number;
  axis: SweepAxis;
  onChange: (a: SweepAxis) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const v = axis.values;
  const setValues = (values: AxisValues) => onChange({ ...axis, values });
  return (
    <div className="axis-row" role="group" aria-label={`Axis ${n}`}>
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        value={axis.name}
        size={10}
        spellCheck={false}
        onChange={(e) => onChange({ ...axis, name: e.target.value })}
      />
      <label htmlFor={`${id}-kind`}>Values</label>
      <select
        id={`${id}-kind`}
        value={v.kind === 'list' ? 'list' : v.scale}
        onChange={(e) =>
          setValues(
            e.target.value === 'list'
              ? { kind: 'list', values: [] }
              : {
                  kind: 'range',
                  scale: e.target.value as 'linear' | 'log',
                  from: v.kind === 'range' ? v.from : 1,
                  to: v.kind === 'range' ? v.to : 10,
                  points: v.kind === 'range' ? v.points : 3,
                },
          )
        }
      >
        <option value="list">a list</option>
        <option value="linear">a linear range</option>
        <option value="log">a log range</option>
      </select>
      {v.kind === 'list' ? (
        <ListInput values={v.values} onChange={(values) => setValues({ kind: 'list', values })} />
      ) : (
        <>
          {(['from', 'to', 'points'] as const).map((k) => (
            <span key={k}>
              <label htmlFor={`${id}-${k}`}>{k}</label>{' '}
              <input
                id={`${id}-${k}`}
                type="number"
                className="range-input"
                value={Number.isFinite(v[k]) ? v[k] : ''}
                onChange={(e) => setValues({ ...v, [k]: e.target.valueAsNumber })}
              />
            </span>
          ))}
        </>
      )}
      <button type="button" aria-label={`Remove axis ${n}`} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}

/** How long typing rests before the values apply (the grid, the figure it writes). */
const APPLY_MS = 300;

/**
 * The values as typed, applied as they are typed (after a short rest, through the same commit
 * as any edit), and at once when the field is left, Enter is pressed or the page is left. The
 * field keeps the text as typed ("0." on the way to "0.5") while it reads as the values shown;
 * a change from elsewhere (undo) replaces it.
 */
function ListInput({
  values,
  onChange,
}: {
  values: readonly SweepValue[];
  onChange: (v: SweepValue[]) => void;
}) {
  const id = useId();
  const shown = values.join(', ');
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(shown);
  if (shown !== seen) {
    setSeen(shown);
    if (parseSweepList(text).join(', ') !== shown) setText(shown);
  }
  const apply = useRef(onChange);
  useEffect(() => {
    apply.current = onChange;
  });
  const pending = useRef<{ timer: number; text: string } | null>(null);
  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    window.clearTimeout(p.timer);
    pending.current = null;
    apply.current(parseSweepList(p.text));
  }, []);
  useEffect(() => {
    // beforeunload comes before the pagehide on which the autosave saves the design.
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Values, separated by commas
      </label>
      <input
        id={id}
        value={text}
        placeholder="0.001, 0.01, 0.1"
        className="list-input"
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          if (pending.current) window.clearTimeout(pending.current.timer);
          pending.current = { text: typed, timer: window.setTimeout(flush, APPLY_MS) };
        }}
        onBlur={flush}
        onKeyDown={(e) => {
          if (e.key === 'Enter') flush();
        }}
      />
    </>
  );
}
