/**
 * What a missing required key should be, from what the manifest already says: the fix that adds
 * it, and "Complete the manifest", which adds every missing one in one step (a snippet pasted
 * from the platform page has no kind, apiVersion, builder or image).
 */
import type { Fix } from '../diagnostics.ts';
import type { EntryValue } from '../edit/edit.ts';
import { FIRST } from '../edit/edit.ts';
import { CURRENT_API_VERSION } from './versions.ts';
import { isObject } from '../own.ts';

type Json = Record<string, unknown>;

/** Where a new top-level key goes: the platform's examples write kind, apiVersion, builder, spec. */
const AFTER: Readonly<Record<string, readonly string[]>> = {
  kind: [FIRST],
  apiVersion: [FIRST, 'kind'],
  builder: [FIRST, 'kind', 'apiVersion', 'name'],
  spec: [FIRST, 'kind', 'apiVersion', 'name', 'builder', 'clone'],
  operator: [FIRST],
  image: [FIRST, 'operator'],
  command: [FIRST, 'operator', 'image'],
  types: [FIRST, 'operator', 'image', 'command'],
};

/** The value a missing key `key` of the map at `path` gets, or null when there is no good guess. */
export function missingValue(data: unknown, path: readonly (string | number)[], key: string) {
  const root: Json = isObject(data) ? data : {};
  const spec: Json = isObject(root.spec) ? root.spec : {};
  const builder: Json = isObject(root.builder) ? root.builder : {};
  const image =
    (typeof spec.image === 'string' && spec.image) ||
    (typeof builder.image === 'string' && builder.image) ||
    'my-image';
  const where = path.join('.');
  const values: Record<string, EntryValue> =
    where === ''
      ? {
          kind: 'AIchorManifest',
          apiVersion: CURRENT_API_VERSION,
          builder: { image, dockerfile: './Dockerfile', context: '.' },
          spec: {
            operator: 'jobset',
            image,
            command: 'python3 -u main.py',
            types: { worker: { count: 1 } },
          },
        }
      : where === 'spec'
        ? {
            operator: 'jobset',
            image,
            command: 'python3 -u main.py',
            types: { worker: { count: 1 } },
          }
        : where === 'builder'
          ? { image }
          : {};
  return Object.hasOwn(values, key) ? values[key]! : null;
}

/** The fix that adds a missing key, or null. */
export function addMissing(
  data: unknown,
  path: readonly (string | number)[],
  key: string,
): Fix | null {
  const value = missingValue(data, path, key);
  if (value === null) return null;
  const after = AFTER[key];
  const shown = typeof value === 'object' ? '' : ` ${JSON.stringify(value)}`;
  return {
    title: `Add \`${key}\`${shown}`,
    op: 'insert',
    path: path.map(String),
    key,
    value,
    ...(after ? { after } : {}),
  };
}

/** "Complete the manifest": every missing key of `missing`, added in one step. */
export function completeAll(fixes: readonly Fix[]): Fix | null {
  return fixes.length > 1 ? { title: 'Complete the manifest', op: 'all', fixes } : null;
}
