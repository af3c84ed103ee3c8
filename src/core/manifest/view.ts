/**
 * The manifest as the form shows it: each field's value as text, whether the key is written,
 * and each job group with its place in the text. The form reads this typed view and never
 * digs in the raw data itself.
 */
import { isObject, sameData } from '../own.ts';
import type { Source } from './source.ts';

/**
 * A field as the form shows it: null when its key is not written, else its value as text ('' when
 * it is not a plain value). A string, not an object: a design of thousands of groups has tens of
 * thousands of fields, all sent from the worker on every edit.
 */
export type FieldView = string | null;

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
  /** The group's key, and the end of its whole entry, as offsets into the text; -1 when the group has no key of its own (merged in from an alias). */
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
  if (v === undefined) return null;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** A group's fields as the form shows them: all of its view but its name and place. */
type GroupFields = Omit<GroupView, 'name' | 'keyStart' | 'keyEnd' | 'end'>;

/**
 * Views of successive texts of one editor (core/analyze.ts `analyzer`) keep each group's fields
 * by its data: after an edit inside one group the others are the same data (manifest/kept.ts).
 */
export type ViewMemo = WeakMap<object, GroupFields>;

export function readView(data: unknown, source: Source, memo?: ViewMemo): ManifestView {
  const root = obj(data);
  const spec = obj(root.spec);
  const types = obj(spec.types);
  const entries = source.entriesAt(['spec', 'types']);
  const groups = Object.entries(types).map(([name, raw]): GroupView => {
    // A group merged in from an alias (`<<: *base`) has no key of its own in the text.
    const at = entries.get(name);
    const own = at !== undefined && at.keyStart >= 0;
    const keyStart = own ? at.keyStart : -1;
    const keyEnd = own ? at.keyEnd : -1;
    let fields = memo && isObject(raw) ? memo.get(raw) : undefined;
    if (!fields) {
      fields = groupFields(raw);
      if (memo && isObject(raw)) memo.set(raw, fields);
    }
    return {
      name,
      keyStart,
      keyEnd,
      end: own ? Math.max(keyEnd, at.valueEnd ?? 0) : -1,
      ...fields,
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

function groupFields(raw: unknown): GroupFields {
  const g = obj(raw);
  const res = obj(g.resources);
  const gpu = obj(obj(res.accelerators).gpu);
  return {
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
}

/** True when two views of a group show the same (its place in the text aside). */
export function sameGroupView(a: GroupView, b: GroupView): boolean {
  return sameData(a, b, WHERE);
}

/** Where a group is in the text: it moves with every edit above it, and the form does not show it. */
const WHERE: ReadonlySet<string> = new Set(['keyStart', 'keyEnd', 'end']);

/** "2 Jobs × 4 pods, 2 at a time · 4 CPUs, ramRatio 2 · 1 GPU": a group on one line, as written. */
export function groupSummary(g: GroupView): string {
  if (!g.isMap) return 'not a map of fields';
  const v = (x: FieldView, fallback: string) => (x === null ? fallback : x || '?');
  const shape = `${v(g.count, '1')} Jobs × ${v(g.completions, '1')} pods, ${v(g.parallelisms, '1')} at a time`;
  const r = g.resources;
  if (!r.present) return `${shape} · no resources`;
  const ram =
    r.ramRatio !== null
      ? `ramRatio ${r.ramRatio}`
      : r.memory !== null
        ? `${r.memory} GB`
        : 'RAM not set';
  const cpus = r.cpus !== null ? `${r.cpus} CPUs` : 'CPUs not set';
  const gpus =
    r.gpu.count !== null && r.gpu.count !== '0'
      ? ` · ${r.gpu.count} GPU${r.gpu.count === '1' ? '' : 's'}${r.gpu.product ? ` ${r.gpu.product}` : ''}`
      : '';
  return `${shape} · ${cpus}, ${ram}${gpus}`;
}
