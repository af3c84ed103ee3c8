/**
 * The form's fields for the operators whose groups are not a map of replicas (Ray's head and
 * worker pools, Vertex AI's pools, Slurm's job): per group, each field's label, where it is
 * written and its value as text. The form draws them all the same way; what each operator has
 * is said here, once.
 */
import type { Operator } from './operators.ts';
import { isObject } from '../own.ts';

export interface OperatorField {
  readonly label: string;
  /** Where the value is written; list items by index (`Workers`, `0`, `count`). */
  readonly path: readonly string[];
  /** The value as written, as text ('' when absent). */
  readonly value: string;
  readonly kind: 'number' | 'text';
  readonly placeholder?: string;
}

export interface OperatorFieldGroup {
  readonly name: string;
  /** Where the group is written, for its diagnostics. */
  readonly path: readonly string[];
  readonly fields: readonly OperatorField[];
}

const TYPES = ['spec', 'types'];

const text = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

function at(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const k of path) {
    if (Array.isArray(v)) v = v[Number(k)];
    else if (isObject(v)) v = Object.hasOwn(v, k) ? v[k] : undefined;
    else return undefined;
  }
  return v;
}

/** The fields of a pod's `resources` block, as every Kubernetes operator writes it. */
const RESOURCES: readonly (readonly [string, readonly string[], 'number' | 'text'])[] = [
  ['CPUs per pod', ['resources', 'cpus'], 'number'],
  ['RAM per CPU (GB, ramRatio)', ['resources', 'ramRatio'], 'number'],
  ['GPUs per pod', ['resources', 'accelerators', 'gpu', 'count'], 'number'],
  ['GPU product', ['resources', 'accelerators', 'gpu', 'product'], 'text'],
];

export function operatorFields(operator: Operator, data: unknown): readonly OperatorFieldGroup[] {
  const types = at(data, TYPES);
  const group = (name: string, base: readonly string[], extra: OperatorField[] = []) => ({
    name,
    path: base,
    fields: [
      ...extra,
      ...RESOURCES.map(([label, p, kind]) => field(data, label, [...base, ...p], kind)),
    ],
  });
  switch (operator) {
    case 'kuberay':
    case 'ray': {
      const fixed = (operator === 'ray' ? ['Head', 'Job'] : ['Head']).filter(
        (n) => isObject(types) && Object.hasOwn(types, n),
      );
      const workers = at(types, ['Workers']);
      return [
        ...fixed.map((n) => group(n, [...TYPES, n])),
        ...(Array.isArray(workers) ? workers : []).map((w, i) => {
          const base = [...TYPES, 'Workers', String(i)];
          const name = isObject(w) && typeof w.name === 'string' ? w.name : `workers-${i}`;
          return group(name, base, [
            field(data, 'Name', [...base, 'name'], 'text'),
            field(data, 'Replicas (count)', [...base, 'count'], 'number', '0'),
          ]);
        }),
      ];
    }
    case 'vertexai': {
      const pools = at(types, ['workerPoolSpecs']);
      return (Array.isArray(pools) ? pools : []).map((_, i) => {
        const base = [...TYPES, 'workerPoolSpecs', String(i)];
        const m = [...base, 'machineSpec'];
        return {
          name: `workerpool${i}`,
          path: base,
          fields: [
            field(data, 'Replicas (replicaCount)', [...base, 'replicaCount'], 'number'),
            field(data, 'Machine type', [...m, 'machineType'], 'text', 'n1-standard-8'),
            field(data, 'Accelerator type', [...m, 'acceleratorType'], 'text', 'NVIDIA_TESLA_T4'),
            field(data, 'Accelerators', [...m, 'acceleratorCount'], 'number', '0'),
          ],
        };
      });
    }
    case 'slurm': {
      const base = [...TYPES, 'job'];
      if (!isObject(at(data, base))) return [];
      return [
        {
          name: 'job',
          path: base,
          fields: [
            field(data, 'Tasks (ntasks)', [...base, 'ntasks'], 'number', '1'),
            field(data, 'Nodes', [...base, 'nodes'], 'number', '1'),
            field(data, 'CPUs per task', [...base, 'cpus_per_task'], 'number', '1'),
            field(data, 'Memory per CPU', [...base, 'memory_per_cpu'], 'text', '1G'),
            field(data, 'GPUs (gres)', [...base, 'gres'], 'text', 'gpu:1'),
            field(data, 'Time limit', [...base, 'time'], 'text', '01:00:00'),
          ],
        },
      ];
    }
    default:
      return [];
  }
}

function field(
  data: unknown,
  label: string,
  path: readonly string[],
  kind: 'number' | 'text',
  placeholder?: string,
): OperatorField {
  return {
    label,
    path,
    value: text(at(data, path)),
    kind,
    ...(placeholder ? { placeholder } : {}),
  };
}
