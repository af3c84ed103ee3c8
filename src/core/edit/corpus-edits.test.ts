// Form edits on every real manifest and fixture: each edit reads back as exactly the intended
// change to the data, and leaves every line it does not touch as it was.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { corpusFiles, shippedManifests } from '../../fixtures/read.ts';
import { duplicateEntry, moveEntry, removeEntry, renameEntry, setValue } from './edit.ts';
import { applyEdit, type EditResult } from './text.ts';

const files = [...shippedManifests(), ...corpusFiles()];
const sources = files
  .map((f) => readFileSync(f, 'utf8'))
  .filter((t) => {
    const d = parseDocument(t);
    return d.errors.length === 0 && isMap(d.contents);
  });

type Json = Record<string, unknown>;

/** Key paths to the scalars and to the entries of block maps, through maps only. */
function paths(text: string) {
  const scalars: string[][] = [];
  const blockEntries: string[][] = [];
  const walk = (node: Node | null, path: string[]) => {
    if (!isMap(node)) return;
    for (const p of node.items) {
      if (!isScalar(p.key) || typeof p.key.value !== 'string') continue;
      const here = [...path, p.key.value];
      if (!node.flow) blockEntries.push(here);
      if (isScalar(p.value) && p.value.value !== null) scalars.push(here);
      else walk(p.value as Node | null, here);
    }
  };
  walk(parseDocument(text).contents as Node | null, []);
  return { scalars, blockEntries };
}

const get = (data: unknown, path: readonly string[]) =>
  path.reduce<unknown>((v, k) => (v as Json | null)?.[k], data);
const clone = <T>(v: T): T => structuredClone(v);
const parentOf = (data: Json, path: readonly string[]) => get(data, path.slice(0, -1)) as Json;

function applied(text: string, r: EditResult) {
  expect(r.ok, r.ok ? '' : r.reason).toBe(true);
  if (!r.ok) throw new Error(r.reason);
  const out = applyEdit(text, r.edit);
  const d = parseDocument(out);
  expect(d.errors.map((e) => e.message)).toEqual([]);
  return { out, data: d.toJS() as Json, edit: r.edit };
}

describe(`form edits on ${sources.length} real and fixture manifests`, () => {
  it('setValue changes exactly one value, within its own line', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.oneof(
          fc.integer({ min: -5, max: 100000 }),
          fc.constantFrom('x', 'a b', '0.2.3', 'yes', '#no', "it's", 'say "hi"'),
        ),
        (fi, pi, value) => {
          const text = sources[fi % sources.length]!;
          const { scalars } = paths(text);
          if (!scalars.length) return;
          const path = scalars[pi % scalars.length]!;
          const { data, edit } = applied(text, setValue(text, path, value));
          const expected = clone(parseDocument(text).toJS() as Json);
          parentOf(expected, path)[path[path.length - 1]!] = value;
          expect(data).toEqual(expected);
          const replaced = text.slice(edit.start, edit.end);
          if (!/^[|>]/.test(replaced)) expect(replaced).not.toContain('\n');
        },
      ),
      { numRuns: 600, seed: 1 },
    );
  });

  it('remove, rename, move and duplicate change the data as intended and nothing else', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.nat(5),
        fc.constantFrom('remove', 'rename', 'move', 'duplicate'),
        (fi, pi, to, op) => {
          const text = sources[fi % sources.length]!;
          const { blockEntries } = paths(text);
          if (!blockEntries.length) return;
          const path = blockEntries[pi % blockEntries.length]!;
          const key = path[path.length - 1]!;
          const before = parseDocument(text).toJS() as Json;
          const parent = parentOf(before, path);
          const siblings = Object.keys(parent);
          switch (op) {
            case 'remove': {
              const { data } = applied(text, removeEntry(text, path));
              const expected = clone(before);
              delete parentOf(expected, path)[key];
              expect(data).toEqual(expected);
              break;
            }
            case 'rename': {
              const { data } = applied(text, renameEntry(text, path, `${key}-renamed`));
              const got = parentOf(data, path);
              expect(Object.keys(got)).toEqual(
                siblings.map((k) => (k === key ? `${key}-renamed` : k)),
              );
              expect(got[`${key}-renamed`]).toEqual(parent[key]);
              break;
            }
            case 'move': {
              const { data } = applied(text, moveEntry(text, path, to));
              const order = siblings.filter((k) => k !== key);
              order.splice(Math.min(to, siblings.length - 1), 0, key);
              expect(Object.keys(parentOf(data, path))).toEqual(order);
              expect(parentOf(data, path)).toEqual(parent);
              break;
            }
            case 'duplicate': {
              const { data } = applied(text, duplicateEntry(text, path, `${key}-copy`));
              const got = parentOf(data, path);
              expect(got[`${key}-copy`]).toEqual(parent[key]);
              expect({ ...got, [`${key}-copy`]: undefined }).toEqual({
                ...parent,
                [`${key}-copy`]: undefined,
              });
              break;
            }
          }
        },
      ),
      { numRuns: 800, seed: 2 },
    );
  });
});
