/**
 * A group's sweep: its axes (a name and a list of values, or a range: from, to, points, linear
 * or log) and the index that picks a pod's point. Every change is one undo step that also writes
 * the figure the grid decides (`count` or `completions`).
 */
import { useId } from 'react';
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
  otherJobs: number;
}) {
  const id = useId();
  // The core's word on whether the sweep fits its group (the same finding the Problems list
  // and the command line give), with its fix.
  const findings = useDesigner(selectFindings);
  const version = useDesigner(selectAnalysisVersion);
  const misfit = findings.find((d) => d.code === 'sweep-does-not-fit' && d.path[2] === group);
  if (!sweep) {
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
  const set = (next: Sweep) => void applySweep(group, next);
  const setAxis = (i: number, axis: SweepAxis) =>
    set({ ...sweep, axes: sweep.axes.map((a, j) => (j === i ? axis : a)) });
  const problems = [
    ...sweepProblems(sweep),
    ...(sweepTarget(sweep, otherJobs) === null
      ? [
          'JOB_GLOBAL_INDEX numbers the Jobs of every group, so in a design of several groups this group\u2019s Jobs do not start at 0: map the grid to JOB_INDEX.',
        ]
      : []),
  ];
  const warning = sweepWarning(sweep);
  const size = gridSize(sweep);
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
    </fieldset>
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

/** The values as typed, read when the field is left (so "0." can be typed on the way to "0.5"). */
function ListInput({
  values,
  onChange,
}: {
  values: readonly SweepValue[];
  onChange: (v: SweepValue[]) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Values, separated by commas
      </label>
      <input
        id={id}
        key={values.join(',')}
        defaultValue={values.join(', ')}
        placeholder="0.001, 0.01, 0.1"
        className="list-input"
        onBlur={(e) => onChange(parseSweepList(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(parseSweepList(e.currentTarget.value));
        }}
      />
    </>
  );
}
