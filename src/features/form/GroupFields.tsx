/**
 * A group's fields in the form's grid: its name and shape (Jobs, pods per Job, pods at once),
 * its resources per pod (CPUs, RAM given per CPU or per pod, shared memory) and its GPUs. Each
 * part is a fragment of the group's one grid.
 */
import type { Diagnostic, Path } from '../../core/diagnostics.ts';
import type { GroupView } from '../../core/manifest/view.ts';
import { NumberField, TextField } from './fields.tsx';
import { GPU_PATH, type GroupEdits } from './groupEdits.ts';
import { formShape } from '../../core/ui.ts';
import { selectOperator } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';

interface PartProps {
  readonly g: GroupView;
  /** The group's path, `spec.types.<name>`. */
  readonly base: Path;
  readonly edits: GroupEdits;
  /** The diagnostics about the field at `path` under the group. */
  readonly at: (...path: string[]) => readonly Diagnostic[];
}

/** The group's name (renamed on blur or Enter) and how many Jobs and pods it runs. */
export function ShapeFields({
  g,
  base,
  edits: { set, clear, rename },
  at,
  nameDiagnostics,
}: PartProps & { readonly nameDiagnostics: readonly Diagnostic[] }) {
  // Another operator's groups are replicas of one pod: no pods per Job to set.
  const replicas = formShape(useDesigner(selectOperator)) === 'replicas';
  return (
    <>
      <TextField
        label="Name"
        path={base}
        value={g.name}
        commitOn="blur"
        onCommit={rename}
        hint="lowercase letters, digits, hyphens"
        diagnostics={nameDiagnostics}
      />
      <NumberField
        label={replicas ? 'Replicas (count)' : 'Jobs (count)'}
        path={[...base, 'count']}
        value={g.count ?? ''}
        placeholder="1"
        onCommit={set(['count'])}
        onClear={clear(['count'])}
        diagnostics={at('count')}
      />
      {!replicas && (
        <>
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
        </>
      )}
    </>
  );
}

/** CPUs, RAM (per CPU as ramRatio, or per pod as memory: the select switches) and shared memory. */
export function ResourceFields({
  g,
  base,
  edits: { set, clear, setRamMode },
  at,
  id,
}: PartProps & { readonly id: string }) {
  const res = g.resources;
  const usesMemory = res.memory !== null && res.ramRatio === null;
  return (
    <>
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
    </>
  );
}

/** GPUs per pod, their type and product (the list offers the known products). */
export function GpuFields({ g, base, edits: { set, clear, setGpus }, at }: PartProps) {
  const gpu = g.resources.gpu;
  return (
    <>
      <NumberField
        label="GPUs per pod"
        path={[...base, ...GPU_PATH, 'count']}
        value={gpu.count ?? ''}
        placeholder="0"
        onCommit={setGpus}
        onClear={clear([...GPU_PATH, 'count'])}
        diagnostics={at(...GPU_PATH, 'count')}
      />
      <TextField
        label="GPU type"
        path={[...base, ...GPU_PATH, 'type']}
        value={gpu.type ?? ''}
        placeholder="gpu"
        onCommit={set([...GPU_PATH, 'type'])}
        diagnostics={at(...GPU_PATH, 'type')}
      />
      <TextField
        label="GPU product"
        path={[...base, ...GPU_PATH, 'product']}
        value={gpu.product ?? ''}
        list="gpu-products"
        wide
        onCommit={set([...GPU_PATH, 'product'])}
        diagnostics={at(...GPU_PATH, 'product')}
      />
    </>
  );
}
