/**
 * The data of a reading after an edit inside one group (incremental.ts), taken over from the
 * reading before: every other node is the same, so is its data; only the group read again is
 * turned into data by the YAML library.
 */
import { isCollection, isScalar, type Document } from 'yaml';
import { getOwn, isObject, putOwn } from '../own.ts';
import { LIMITS } from './limits.ts';
import { typesMap } from './quiet.ts';

/** The reading before an edit, and the group of `spec.types` read again (none: the same text). */
export interface Kept {
  /** The reading before the edit (parse.ts `Parsed`): its data is what is taken over. */
  readonly prev: { readonly data: unknown };
  readonly group: number | undefined;
}

export const NOT_KEPT = Symbol('not kept');

/**
 * The data of `kept.prev` with the group read again in place, as the YAML library's `toJS`
 * gives it (its key as the library writes a key, its value read by the library); NOT_KEPT
 * when that cannot be known to be the same (a key written twice, data of another shape).
 */
export function keptData(doc: Document.Parsed, { prev, group }: Kept): unknown {
  if (group === undefined) return prev.data;
  const types = typesMap(doc);
  const pair = types?.items.at(group);
  const root = prev.data;
  if (!isObject(root)) return NOT_KEPT;
  const spec = getOwn(root, 'spec');
  if (!isObject(spec)) return NOT_KEPT;
  const before = getOwn(spec, 'types');
  if (!pair || !isScalar(pair.key) || !isCollection(pair.value) || !isObject(before))
    return NOT_KEPT;
  const name = dataKey(pair.key.value);
  if (name === null || !Object.hasOwn(before, name)) return NOT_KEPT;
  if (types!.items.filter((p) => isScalar(p.key) && dataKey(p.key.value) === name).length !== 1)
    return NOT_KEPT;
  const value: unknown = pair.value.toJS(doc, { maxAliasCount: LIMITS.maxAliasCount });
  const after = { ...before };
  putOwn(after, name, value);
  return { ...root, spec: { ...spec, types: after } };
}

/** A scalar key as `toJS` writes it in an object (null for a key it would not write as is). */
function dataKey(value: unknown): string | null {
  if (value === null) return '';
  return typeof value === 'object' || typeof value === 'symbol' ? null : String(value);
}
