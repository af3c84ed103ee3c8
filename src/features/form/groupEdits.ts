/**
 * The form's edits of one group, each a text edit of the YAML (one undo step; the keystrokes in
 * one field within a second are one). A key is written where the platform's examples have it.
 */
import {
  chain,
  removeEntry,
  renameEntry,
  setValue,
  type ScalarValue,
} from '../../core/edit/index.ts';
import { convertRam } from '../../core/jobset/groups.ts';
import type { GroupView } from '../../core/manifest/view.ts';
import { editGroup, editText } from '../../state/actions.ts';

/** Where a new key goes among its siblings: the group's shape keys stay together. */
const AFTER: Record<string, readonly string[]> = {
  count: [],
  completions: ['count'],
  parallelisms: ['count', 'completions'],
};

/** Where a group's GPUs are given, under the group. */
export const GPU_PATH = ['resources', 'accelerators', 'gpu'];

export type GroupEdits = ReturnType<typeof groupEdits>;

/** The edits of group `g`, whose key is at `keys` (`spec.types.<name>`). */
export function groupEdits(g: GroupView, keys: readonly string[]) {
  const name = g.name;
  const res = g.resources;
  return {
    /** Sets the value at `path` under the group. */
    set: (path: readonly string[]) => (value: ScalarValue) =>
      editGroup(
        name,
        (t, at) => setValue(t, [...at, ...path], value, AFTER[path[0]!] ?? []),
        [name, ...path].join('.'),
      ),
    /** An emptied optional field removes its key: the default (or "not set") applies again. */
    clear: (path: readonly string[]) => () =>
      void editGroup(name, (t, at) => removeEntry(t, [...at, ...path])),
    /** Switches how RAM is given, converting the figure and keeping the key's place. */
    setRamMode: (mode: 'ratio' | 'memory') => {
      const [from, to] =
        mode === 'memory' ? (['ramRatio', 'memory'] as const) : (['memory', 'ramRatio'] as const);
      const converted = convertRam(res.cpus ?? '', res[from] ?? '', mode);
      editGroup(name, (t, at) => {
        const res = [...at, 'resources'];
        return g.resources[from] === null
          ? setValue(t, [...res, to], converted ?? 1)
          : chain(
              t,
              (x) => renameEntry(x, [...res, from], to),
              (x) => setValue(x, [...res, to], converted ?? 1),
            );
      });
    },
    /** GPUs per pod, with the `type: gpu` the platform's examples always write beside it. */
    setGpus: (value: ScalarValue) =>
      editGroup(
        name,
        (t, at) =>
          res.gpu.type !== null
            ? setValue(t, [...at, ...GPU_PATH, 'count'], value)
            : chain(
                t,
                (x) => setValue(x, [...at, ...GPU_PATH, 'count'], value),
                (x) => setValue(x, [...at, ...GPU_PATH, 'type'], 'gpu', ['count']),
              ),
        [name, ...GPU_PATH, 'count'].join('.'),
      ),
    /** Renames the group; design settings are keyed by its name, and the store moves them. */
    rename: (draft: string) => {
      const next = draft.trim();
      if (!next || next === name) return false;
      return editText((t) => renameEntry(t, keys, next));
    },
  };
}
