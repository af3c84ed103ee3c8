/**
 * Groups a walk of the document found nothing in. After an edit inside one group
 * (incremental.ts), every other group keeps its nodes: a walk that found nothing in one of them
 * before finds nothing there again, and need not go through it. What a walk reports is at a
 * place in the text, so a group is quiet when nothing reported falls in its lines (from its
 * key to the next group's key): a report at its key or from a neighbour only makes it walked.
 */
import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';

/** The values (nodes) of the groups of `spec.types` a walk found nothing in. */
export type Quiet = ReadonlySet<object>;

export const NOTHING_QUIET: Quiet = new Set();

/** The values of the groups of `types` (`typesMap`) in whose lines none of `reported` falls. */
export function quietGroups(
  types: YAMLMap<unknown, unknown> | null,
  reported: readonly number[],
): Quiet {
  if (!types) return NOTHING_QUIET;
  const starts = [...reported].sort((a, b) => a - b);
  const quiet = new Set<object>();
  let r = 0;
  const items = types.items;
  for (let i = 0; i < items.length; i++) {
    const from = keyStart(items[i]!.key);
    const to = i + 1 < items.length ? keyStart(items[i + 1]!.key) : Infinity;
    const value = items[i]!.value;
    if (from < 0 || to < 0 || !value || typeof value !== 'object') continue;
    while (r < starts.length && starts[r]! < from) r++;
    if (r === starts.length || starts[r]! >= to) quiet.add(value);
  }
  return quiet;
}

function keyStart(key: unknown): number {
  return isScalar(key) && key.range ? key.range[0] : -1;
}

/** `spec.types` when the root and `spec` are maps and it is one (the last, as data has it). */
export function typesMap(doc: Document.Parsed): YAMLMap<unknown, unknown> | null {
  const root = doc.contents;
  if (!isMap(root)) return null;
  const spec = lastValue(root, 'spec');
  if (!isMap(spec)) return null;
  const types = lastValue(spec, 'types');
  return isMap(types) ? types : null;
}

/** The value of `key` in `map`: its last entry, as data has it. */
export function lastValue(map: YAMLMap<unknown, unknown>, key: string): Node | null {
  let found: Node | null = null;
  for (const p of map.items) if (isScalar(p.key) && p.key.value === key) found = p.value as Node;
  return found;
}
