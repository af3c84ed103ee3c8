/** One job group in the form: its name, shape, resources and the actions on it. */
import { categoryOf, type Path } from '../../core/diagnostics.ts';
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
import type { GroupView } from '../../core/manifest/view.ts';
import { editText } from '../../state/actions.ts';
import { useDesigner } from '../../state/store.ts';
import { useFieldDiagnostics } from './fieldDiagnostics.ts';
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
  readonly total: number;
  readonly names: readonly string[];
}

export function GroupFieldset({ group: g, index, total, names }: Props) {
  const name = g.name;
  const base: Path = ['spec', 'types', name];
  const res = g.resources;
  const gpu = res.gpu;
  const set = (path: readonly string[]) => (value: ScalarValue) =>
    editText(
      (t) => setValue(t, [...base.map(String), ...path], value, AFTER[path[0]!] ?? []),
      [name, ...path].join('.'),
    );
  const groupDiagnostics = useFieldDiagnostics(base);
  const focusGroup = useDesigner((s) => s.focusGroup);
  const nameDiagnostics = groupDiagnostics.filter((d) => categoryOf(d.code) === 'name');
  const otherGroupDiagnostics = groupDiagnostics.filter((d) => categoryOf(d.code) !== 'name');
  const unknownInside = useFieldDiagnostics(base, true).filter(
    (d) => categoryOf(d.code) === 'keys' && d.path.length > base.length,
  );
  const usesMemory = res.memory.present && !res.ramRatio.present;
  const resPath = [...base.map(String), 'resources'];
  /** Switches how RAM is given, converting the figure and keeping the key's place. */
  const setRamMode = (mode: 'ratio' | 'memory') => {
    const [from, to] =
      mode === 'memory' ? (['ramRatio', 'memory'] as const) : (['memory', 'ramRatio'] as const);
    const converted = convertRam(res.cpus.value, res[from].value, mode);
    editText((t) =>
      !res[from].present
        ? setValue(t, [...resPath, to], converted ?? 1)
        : chain(
            t,
            (x) => renameEntry(x, [...resPath, from], to),
            (x) => setValue(x, [...resPath, to], converted ?? 1),
          ),
    );
  };
  const legendId = `group-legend-${index}`;

  // Design settings are keyed by group name; the store moves them with the key's edit.
  const rename = (draft: string) => {
    const next = draft.trim();
    if (!next || next === name) return false;
    return editText((t) => renameEntry(t, base.map(String), next));
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
          value={g.count.value}
          placeholder="1"
          onCommit={set(['count'])}
          onClear={clear(['count'])}
        />
        <NumberField
          label="Pods per Job (completions)"
          path={[...base, 'completions']}
          value={g.completions.value}
          placeholder="1"
          onCommit={set(['completions'])}
          onClear={clear(['completions'])}
        />
        <NumberField
          label="Pods at once (parallelisms)"
          path={[...base, 'parallelisms']}
          value={g.parallelisms.value}
          placeholder="1"
          onCommit={set(['parallelisms'])}
          onClear={clear(['parallelisms'])}
        />
        <NumberField
          label="CPUs per pod"
          path={[...base, 'resources', 'cpus']}
          value={res.cpus.value}
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
            value={res.memory.value}
            onCommit={set(['resources', 'memory'])}
            onClear={clear(['resources', 'memory'])}
          />
        ) : (
          <NumberField
            label="RAM per CPU (GB, ramRatio)"
            path={[...base, 'resources', 'ramRatio']}
            value={res.ramRatio.value}
            onCommit={set(['resources', 'ramRatio'])}
            onClear={clear(['resources', 'ramRatio'])}
          />
        )}
        <NumberField
          label="Shared memory (GB)"
          path={[...base, 'resources', 'shmSizeGB']}
          value={res.shmSizeGB.value}
          onCommit={set(['resources', 'shmSizeGB'])}
          onClear={clear(['resources', 'shmSizeGB'])}
        />
        <NumberField
          label="GPUs per pod"
          path={[...base, 'resources', 'accelerators', 'gpu', 'count']}
          value={gpu.count.value}
          placeholder="0"
          onCommit={set(['resources', 'accelerators', 'gpu', 'count'])}
          onClear={clear(['resources', 'accelerators', 'gpu', 'count'])}
        />
        <TextField
          label="GPU type"
          path={[...base, 'resources', 'accelerators', 'gpu', 'type']}
          value={gpu.type.value}
          placeholder="gpu"
          onCommit={set(['resources', 'accelerators', 'gpu', 'type'])}
        />
        <TextField
          label="GPU product"
          path={[...base, 'resources', 'accelerators', 'gpu', 'product']}
          value={gpu.product.value}
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
