/**
 * One job group in the form: a one-line summary that opens into its fields (name, shape,
 * resources) and the actions on it. A group re-renders only when what it shows changes, so an
 * edit in one group of two thousand costs one group's render.
 */
import { memo } from 'react';
import { categoryOf, type Diagnostic, type Path } from '../../core/diagnostics.ts';
import {
  chain,
  duplicateEntry,
  moveEntry,
  removeEntry,
  renameEntry,
  setValue,
  type ScalarValue,
} from '../../core/edit/index.ts';
import { convertRam } from '../../core/jobset/groups.ts';
import { groupSummary, sameGroupView, type GroupView } from '../../core/manifest/view.ts';
import { editGroup, editText } from '../../state/actions.ts';
import { useDesigner } from '../../state/store.ts';
import { diagnosticsAt } from './fieldDiagnostics.ts';
import { FieldErrors, NumberField, TextField } from './fields.tsx';

/** Where a new key goes among its siblings: the group's shape keys stay together. */
const AFTER: Record<string, readonly string[]> = {
  count: [],
  completions: ['count'],
  parallelisms: ['count', 'completions'],
};

interface Props {
  readonly group: GroupView;
  readonly index: number;
  readonly last: boolean;
  /** The group's diagnostics (everything under `spec.types.<name>`), and what they say. */
  readonly diagnostics: readonly Diagnostic[];
  readonly signature: string;
  readonly open: boolean;
}

export const GroupFieldset = memo(
  function GroupFieldset({ group: g, index, last, diagnostics, open }: Props) {
    const name = g.name;
    const base: Path = ['spec', 'types', name];
    const legendId = `group-legend-${index}`;
    const bodyId = `group-body-${index}`;
    const own = diagnosticsAt(diagnostics, base);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    return (
      <fieldset
        className={`group${open ? ' open' : ''}`}
        aria-labelledby={legendId}
        data-group={name}
        onFocus={() => useDesigner.getState().focusGroup(name)}
      >
        <legend id={legendId}>{name}</legend>
        <div className="group-summary">
          <span className="summary-text" title={groupSummary(g)}>
            {groupSummary(g)}
          </span>
          {errors + warnings > 0 && (
            <span className={`counts ${errors ? 'has-errors' : 'has-warnings'}`}>
              {[
                errors && `${errors} error${errors === 1 ? '' : 's'}`,
                warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
              ]
                .filter(Boolean)
                .join(', ')}
            </span>
          )}
          <button
            type="button"
            className="toggle"
            aria-expanded={open}
            aria-controls={open ? bodyId : undefined}
            aria-label={`${open ? 'Close' : 'Edit'} ${name}`}
            onClick={() => useDesigner.getState().setGroupOpen(name, !open)}
          >
            {open ? 'Close' : 'Edit'}
          </button>
        </div>
        {open && (
          <GroupBody
            g={g}
            base={base}
            id={bodyId}
            index={index}
            last={last}
            diagnostics={diagnostics}
            own={own}
          />
        )}
      </fieldset>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.last === b.last &&
    a.open === b.open &&
    a.signature === b.signature &&
    sameGroupView(a.group, b.group),
);

function GroupBody({
  g,
  base,
  id,
  index,
  last,
  diagnostics,
  own,
}: {
  g: GroupView;
  base: Path;
  id: string;
  index: number;
  last: boolean;
  diagnostics: readonly Diagnostic[];
  own: readonly Diagnostic[];
}) {
  const name = g.name;
  const res = g.resources;
  const gpu = res.gpu;
  const keys = base.map(String);
  const at = (...path: string[]) => diagnosticsAt(diagnostics, [...base, ...path]);
  const set = (path: readonly string[]) => (value: ScalarValue) =>
    editGroup(
      name,
      (t, at) => setValue(t, [...at, ...path], value, AFTER[path[0]!] ?? []),
      [name, ...path].join('.'),
    );
  const nameDiagnostics = own.filter((d) => categoryOf(d.code) === 'name');
  const otherGroupDiagnostics = own.filter((d) => categoryOf(d.code) !== 'name');
  const unknownInside = diagnostics.filter(
    (d) => categoryOf(d.code) === 'keys' && d.path.length > base.length,
  );
  const usesMemory = res.memory !== null && res.ramRatio === null;
  /** Switches how RAM is given, converting the figure and keeping the key's place. */
  const setRamMode = (mode: 'ratio' | 'memory') => {
    const [from, to] =
      mode === 'memory' ? (['ramRatio', 'memory'] as const) : (['memory', 'ramRatio'] as const);
    const converted = convertRam(res.cpus ?? '', res[from] ?? '', mode);
    editGroup(name, (t, at) => {
      const res = [...at, 'resources'];
      return g.resources[from] === null
        ? setValue(t, [...res, to], converted ?? 1)
        : chain(
            t,
            (x) => renameEntry(x, [...res, from], to),
            (x) => setValue(x, [...res, to], converted ?? 1),
          );
    });
  };
  // Design settings are keyed by group name; the store moves them with the key's edit.
  const rename = (draft: string) => {
    const next = draft.trim();
    if (!next || next === name) return false;
    return editText((t) => renameEntry(t, keys, next));
  };
  /** An emptied optional field removes its key: the default (or "not set") applies again. */
  const clear = (path: readonly string[]) => () =>
    void editGroup(name, (t, at) => removeEntry(t, [...at, ...path]));
  const copyName = () => {
    const names = new Set(useDesigner.getState().analysis?.view?.groups.map((x) => x.name));
    let i = 2;
    while (names.has(`${name}-${i}`)) i++;
    return `${name}-${i}`;
  };
  const gpuPath = ['resources', 'accelerators', 'gpu'];
  /** GPUs per pod, with the `type: gpu` the platform's examples always write beside it. */
  const setGpus = (value: ScalarValue) =>
    editGroup(
      name,
      (t, at) =>
        gpu.type !== null
          ? setValue(t, [...at, ...gpuPath, 'count'], value)
          : chain(
              t,
              (x) => setValue(x, [...at, ...gpuPath, 'count'], value),
              (x) => setValue(x, [...at, ...gpuPath, 'type'], 'gpu', ['count']),
            ),
      [name, ...gpuPath, 'count'].join('.'),
    );

  return (
    <div id={id}>
      <FieldErrors id={`${id}-errors`} diagnostics={[...otherGroupDiagnostics, ...unknownInside]} />
      <div className="grid">
        <TextField
          label="Name"
          path={base}
          value={name}
          commitOn="blur"
          onCommit={rename}
          hint="lowercase letters, digits, hyphens"
          diagnostics={nameDiagnostics}
        />
        <NumberField
          label="Jobs (count)"
          path={[...base, 'count']}
          value={g.count ?? ''}
          placeholder="1"
          onCommit={set(['count'])}
          onClear={clear(['count'])}
          diagnostics={at('count')}
        />
        <NumberField
          label="Pods per Job (completions)"
          path={[...base, 'completions']}
          value={g.completions ?? ''}
          placeholder="1"
          onCommit={set(['completions'])}
          onClear={clear(['completions'])}
          diagnostics={at('completions')}
        />
        <NumberField
          label="Pods at once (parallelisms)"
          path={[...base, 'parallelisms']}
          value={g.parallelisms ?? ''}
          placeholder="1"
          onCommit={set(['parallelisms'])}
          onClear={clear(['parallelisms'])}
          diagnostics={at('parallelisms')}
        />
        <NumberField
          label="CPUs per pod"
          path={[...base, 'resources', 'cpus']}
          value={res.cpus ?? ''}
          onCommit={set(['resources', 'cpus'])}
          onClear={clear(['resources', 'cpus'])}
          diagnostics={at('resources', 'cpus')}
        />
        <div className="field">
          <label htmlFor={`${id}-ram-mode`}>RAM given as</label>
          <select
            id={`${id}-ram-mode`}
            value={usesMemory ? 'memory' : 'ratio'}
            onChange={(e) => setRamMode(e.target.value as 'ratio' | 'memory')}
          >
            <option value="ratio">per CPU (ramRatio)</option>
            <option value="memory">per pod (memory)</option>
          </select>
        </div>
        {usesMemory ? (
          <NumberField
            label="Memory per pod (GB)"
            path={[...base, 'resources', 'memory']}
            value={res.memory ?? ''}
            onCommit={set(['resources', 'memory'])}
            onClear={clear(['resources', 'memory'])}
            diagnostics={at('resources', 'memory')}
          />
        ) : (
          <NumberField
            label="RAM per CPU (GB, ramRatio)"
            path={[...base, 'resources', 'ramRatio']}
            value={res.ramRatio ?? ''}
            onCommit={set(['resources', 'ramRatio'])}
            onClear={clear(['resources', 'ramRatio'])}
            diagnostics={at('resources', 'ramRatio')}
          />
        )}
        <NumberField
          label="Shared memory (GB)"
          path={[...base, 'resources', 'shmSizeGB']}
          value={res.shmSizeGB ?? ''}
          onCommit={set(['resources', 'shmSizeGB'])}
          onClear={clear(['resources', 'shmSizeGB'])}
          diagnostics={at('resources', 'shmSizeGB')}
        />
        <NumberField
          label="GPUs per pod"
          path={[...base, ...gpuPath, 'count']}
          value={gpu.count ?? ''}
          placeholder="0"
          onCommit={setGpus}
          onClear={clear([...gpuPath, 'count'])}
          diagnostics={at(...gpuPath, 'count')}
        />
        <TextField
          label="GPU type"
          path={[...base, ...gpuPath, 'type']}
          value={gpu.type ?? ''}
          placeholder="gpu"
          onCommit={set([...gpuPath, 'type'])}
          diagnostics={at(...gpuPath, 'type')}
        />
        <TextField
          label="GPU product"
          path={[...base, ...gpuPath, 'product']}
          value={gpu.product ?? ''}
          list="gpu-products"
          wide
          onCommit={set([...gpuPath, 'product'])}
          diagnostics={at(...gpuPath, 'product')}
        />
      </div>
      <div className="group-actions">
        <button type="button" onClick={() => editText((t) => duplicateEntry(t, keys, copyName()))}>
          Duplicate
        </button>
        <button
          type="button"
          disabled={index === 0}
          onClick={() => editText((t) => moveEntry(t, keys, index - 1))}
        >
          Move up
        </button>
        <button
          type="button"
          disabled={last}
          onClick={() => editText((t) => moveEntry(t, keys, index + 1))}
        >
          Move down
        </button>
        <button
          type="button"
          className="danger"
          onClick={(e) => {
            const form = e.currentTarget.closest('form');
            if (editText((t) => removeEntry(t, keys))) {
              // The group's fieldset goes away: keep the focus in the form.
              requestAnimationFrame(() => form?.querySelector<HTMLElement>('.add-group')?.focus());
            }
          }}
        >
          Remove
        </button>
      </div>
    </div>
  );
}
