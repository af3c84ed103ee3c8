/** One job group in the form: its name, shape, resources and the actions on it. */
import type { Path } from '../../core/diagnostics.ts';
import {
  chain,
  duplicateEntry,
  moveEntry,
  removeEntry,
  renameEntry,
  setValue,
  type ScalarValue,
} from '../../core/edit/index.ts';
import { editText } from '../../state/actions.ts';
import { useDesigner } from '../../state/store.ts';
import { useFieldDiagnostics } from './fieldDiagnostics.ts';
import { obj, textOf } from './data.ts';
import { FieldErrors, NumberField, TextField } from './fields.tsx';

const NAME_CODES = new Set([
  'type-name-invalid',
  'type-name-trailing-hyphen',
  'job-name-too-long',
  'pod-name-too-long',
]);

/** Where a new key goes among its siblings: the group's shape keys stay together. */
const AFTER: Record<string, readonly string[]> = {
  count: [],
  completions: ['count'],
  parallelisms: ['count', 'completions'],
};

interface Props {
  readonly name: string;
  readonly group: unknown;
  readonly index: number;
  readonly total: number;
  readonly names: readonly string[];
}

export function GroupFieldset({ name, group, index, total, names }: Props) {
  const base: Path = ['spec', 'types', name];
  const g = obj(group);
  const res = obj(g.resources);
  const gpu = obj(obj(res.accelerators).gpu);
  const set = (path: readonly string[]) => (value: ScalarValue) =>
    editText(
      (t) => setValue(t, [...base.map(String), ...path], value, AFTER[path[0]!] ?? []),
      [name, ...path].join('.'),
    );
  const groupDiagnostics = useFieldDiagnostics(base);
  const focusGroup = useDesigner((s) => s.focusGroup);
  const nameDiagnostics = groupDiagnostics.filter((d) => NAME_CODES.has(d.code));
  const otherGroupDiagnostics = groupDiagnostics.filter((d) => !NAME_CODES.has(d.code));
  const unknownInside = useFieldDiagnostics(base, true).filter(
    (d) => (d.code === 'unknown-key' || d.code === 'misspelt-key') && d.path.length > base.length,
  );
  const usesMemory = res.memory !== undefined && res.ramRatio === undefined;
  const resPath = [...base.map(String), 'resources'];
  /** Switches how RAM is given, converting the figure and keeping the key's place. */
  const setRamMode = (mode: 'ratio' | 'memory') => {
    const cpus = typeof res.cpus === 'number' ? res.cpus : null;
    const [from, to] = mode === 'memory' ? ['ramRatio', 'memory'] : ['memory', 'ramRatio'];
    const current = typeof res[from] === 'number' ? (res[from] as number) : null;
    const converted =
      current === null || cpus === null
        ? null
        : mode === 'memory'
          ? current * cpus
          : Math.round((current / cpus) * 1000) / 1000;
    editText((t) =>
      res[from] === undefined
        ? setValue(t, [...resPath, to], converted ?? 1)
        : chain(
            t,
            (x) => renameEntry(x, [...resPath, from], to),
            (x) => setValue(x, [...resPath, to], converted ?? 1),
          ),
    );
  };
  const legendId = `group-legend-${index}`;

  const rename = (draft: string) => {
    const next = draft.trim();
    if (!next || next === name) return false;
    const renamed = editText((t) => renameEntry(t, base.map(String), next));
    if (renamed) {
      // Design settings are keyed by group name: they follow the group.
      const s = useDesigner.getState();
      if (Object.hasOwn(s.durations, name)) s.setDuration(next, s.durations[name]!);
      if (s.synchronous.includes(name)) {
        s.setSynchronous(name, false);
        s.setSynchronous(next, true);
      }
    }
    return renamed;
  };
  /** An emptied optional field removes its key: the default (or "not set") applies again. */
  const clear = (path: readonly string[]) => () =>
    void editText((t) => removeEntry(t, [...base.map(String), ...path]));
  const copyName = () => {
    let i = 2;
    while (names.includes(`${name}-${i}`)) i++;
    return `${name}-${i}`;
  };

  return (
    <fieldset
      className="group"
      aria-labelledby={legendId}
      data-group={name}
      onFocus={() => focusGroup(name)}
    >
      <legend id={legendId}>{name}</legend>
      <FieldErrors
        id={`${legendId}-errors`}
        diagnostics={[...otherGroupDiagnostics, ...unknownInside]}
      />
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
          value={textOf(g.count)}
          placeholder="1"
          onCommit={set(['count'])}
          onClear={clear(['count'])}
        />
        <NumberField
          label="Pods per Job (completions)"
          path={[...base, 'completions']}
          value={textOf(g.completions)}
          placeholder="1"
          onCommit={set(['completions'])}
          onClear={clear(['completions'])}
        />
        <NumberField
          label="Pods at once (parallelisms)"
          path={[...base, 'parallelisms']}
          value={textOf(g.parallelisms)}
          placeholder="1"
          onCommit={set(['parallelisms'])}
          onClear={clear(['parallelisms'])}
        />
        <NumberField
          label="CPUs per pod"
          path={[...base, 'resources', 'cpus']}
          value={textOf(res.cpus)}
          onCommit={set(['resources', 'cpus'])}
          onClear={clear(['resources', 'cpus'])}
        />
        <div className="field">
          <label htmlFor={`${legendId}-ram-mode`}>RAM given as</label>
          <select
            id={`${legendId}-ram-mode`}
            value={usesMemory ? 'memory' : 'ratio'}
            onChange={(e) => setRamMode(e.target.value as 'ratio' | 'memory')}
          >
            <option value="ratio">GB per CPU (ramRatio)</option>
            <option value="memory">GB per pod (memory)</option>
          </select>
        </div>
        {usesMemory ? (
          <NumberField
            label="Memory per pod (GB)"
            path={[...base, 'resources', 'memory']}
            value={textOf(res.memory)}
            onCommit={set(['resources', 'memory'])}
            onClear={clear(['resources', 'memory'])}
          />
        ) : (
          <NumberField
            label="RAM per CPU (GB, ramRatio)"
            path={[...base, 'resources', 'ramRatio']}
            value={textOf(res.ramRatio)}
            onCommit={set(['resources', 'ramRatio'])}
            onClear={clear(['resources', 'ramRatio'])}
          />
        )}
        <NumberField
          label="Shared memory (GB)"
          path={[...base, 'resources', 'shmSizeGB']}
          value={textOf(res.shmSizeGB)}
          onCommit={set(['resources', 'shmSizeGB'])}
          onClear={clear(['resources', 'shmSizeGB'])}
        />
        <NumberField
          label="GPUs per pod"
          path={[...base, 'resources', 'accelerators', 'gpu', 'count']}
          value={textOf(gpu.count)}
          placeholder="0"
          onCommit={set(['resources', 'accelerators', 'gpu', 'count'])}
          onClear={clear(['resources', 'accelerators', 'gpu', 'count'])}
        />
        <TextField
          label="GPU type"
          path={[...base, 'resources', 'accelerators', 'gpu', 'type']}
          value={textOf(gpu.type)}
          placeholder="gpu"
          onCommit={set(['resources', 'accelerators', 'gpu', 'type'])}
        />
        <TextField
          label="GPU product"
          path={[...base, 'resources', 'accelerators', 'gpu', 'product']}
          value={textOf(gpu.product)}
          list="gpu-products"
          onCommit={set(['resources', 'accelerators', 'gpu', 'product'])}
        />
      </div>
      <div className="group-actions">
        <button
          type="button"
          onClick={() => editText((t) => duplicateEntry(t, base.map(String), copyName()))}
        >
          Duplicate
        </button>
        <button
          type="button"
          disabled={index === 0}
          onClick={() => editText((t) => moveEntry(t, base.map(String), index - 1))}
        >
          Move up
        </button>
        <button
          type="button"
          disabled={index === total - 1}
          onClick={() => editText((t) => moveEntry(t, base.map(String), index + 1))}
        >
          Move down
        </button>
        <button
          type="button"
          className="danger"
          onClick={(e) => {
            const form = e.currentTarget.closest('form');
            if (editText((t) => removeEntry(t, base.map(String)))) {
              // The group's fieldset goes away: keep the focus in the form.
              requestAnimationFrame(() => form?.querySelector<HTMLElement>('.add-group')?.focus());
            }
          }}
        >
          Remove
        </button>
      </div>
    </fieldset>
  );
}
