/**
 * The manifest as the form shows it: each field's value as text, whether the key is written,
 * and each job group with its place in the text. The form reads this typed view and never
 * digs in the raw data itself.
 */
import { isObject } from './schemaCheck.ts';
import type { Source } from './source.ts';

export interface FieldView {
  /** The value as a field shows it ('' when absent or not a plain value). */
  readonly value: string;
  /** The key is written in the manifest. */
  readonly present: boolean;
}

export interface GpuView {
  readonly count: FieldView;
  readonly type: FieldView;
  readonly product: FieldView;
}

export interface ResourcesView {
  readonly present: boolean;
  readonly cpus: FieldView;
  readonly ramRatio: FieldView;
  readonly memory: FieldView;
  readonly shmSizeGB: FieldView;
  readonly gpu: GpuView;
}

export interface GroupView {
  readonly name: string;
  /** The group's key, and the end of its whole entry, as offsets into the text. */
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly end: number;
  /** False when the group is not a map (`worker: 5`): its fields are all absent. */
  readonly isMap: boolean;
  readonly count: FieldView;
  readonly completions: FieldView;
  readonly parallelisms: FieldView;
  readonly resources: ResourcesView;
}

export interface ManifestView {
  readonly name: FieldView;
  readonly kind: FieldView;
  readonly apiVersion: FieldView;
  readonly builderImage: FieldView;
  readonly operator: FieldView;
  readonly image: FieldView;
  readonly command: FieldView;
  /** `spec.types` in the manifest's order; empty when it is not a map. */
  readonly groups: readonly GroupView[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (isObject(v) ? v : {});

function field(map: Json, key: string): FieldView {
  const v = Object.hasOwn(map, key) ? map[key] : undefined;
  const value =
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  return { value, present: v !== undefined };
}

export function readView(data: unknown, source: Source): ManifestView {
  const root = obj(data);
  const spec = obj(root.spec);
  const types = obj(spec.types);
  const groups = Object.entries(types).map(([name, raw]): GroupView => {
    const g = obj(raw);
    const res = obj(g.resources);
    const gpu = obj(obj(res.accelerators).gpu);
    const at = source.locate(['spec', 'types', name]);
    const keyStart = at.key?.start ?? 0;
    const keyEnd = at.key?.end ?? keyStart;
    return {
      name,
      keyStart,
      keyEnd,
      end: Math.max(keyEnd, at.value?.end ?? 0),
      isMap: isObject(raw),
      count: field(g, 'count'),
      completions: field(g, 'completions'),
      parallelisms: field(g, 'parallelisms'),
      resources: {
        present: isObject(g.resources),
        cpus: field(res, 'cpus'),
        ramRatio: field(res, 'ramRatio'),
        memory: field(res, 'memory'),
        shmSizeGB: field(res, 'shmSizeGB'),
        gpu: {
          count: field(gpu, 'count'),
          type: field(gpu, 'type'),
          product: field(gpu, 'product'),
        },
      },
    };
  });
  return {
    name: field(root, 'name'),
    kind: field(root, 'kind'),
    apiVersion: field(root, 'apiVersion'),
    builderImage: field(obj(root.builder), 'image'),
    operator: field(spec, 'operator'),
    image: field(spec, 'image'),
    command: field(spec, 'command'),
    groups,
  };
}
