/**
 * The document: the YAML text (the single source of truth), its version, and one undo history
 * for every way of editing it (YAML editor, form, quick fixes). A burst of edits with the same
 * `burst` key within BURST_MS is one undo step: typing a word is one step, not one per key.
 */
import type { StateCreator } from 'zustand';
import type { DesignerState } from '../store.ts';

export const BURST_MS = 1000;
/** A burst never spans more than this: a long stretch of typing is several undo steps. */
export const BURST_MAX_MS = 4000;
const HISTORY_LIMIT = 200;

export type EditOrigin = 'yaml' | 'form' | 'fix' | 'load' | 'history';

export interface CommitOptions {
  readonly origin: EditOrigin;
  /** Edits with the same key in quick succession merge into one undo step. */
  readonly burst?: string;
}

export interface DocumentSlice {
  readonly text: string;
  readonly version: number;
  readonly lastOrigin: EditOrigin;
  readonly past: readonly string[];
  readonly future: readonly string[];
  /** Burst key and time of the newest history entry, for coalescing. */
  readonly lastBurst: { readonly key: string; readonly at: number; readonly since: number } | null;
  commit(text: string, options: CommitOptions): void;
  /** Replaces the design (new, open, example): one undo step back to what was there. */
  load(text: string): void;
  undo(): void;
  redo(): void;
}

export const createDocumentSlice: StateCreator<DesignerState, [], [], DocumentSlice> = (set) => ({
  text: '',
  version: 0,
  lastOrigin: 'load',
  past: [],
  future: [],
  lastBurst: null,
  commit: (text, { origin, burst }) =>
    set((s) => {
      if (text === s.text) return s;
      const now = Date.now();
      const merge =
        burst !== undefined &&
        s.lastBurst !== null &&
        s.lastBurst.key === burst &&
        now - s.lastBurst.at < BURST_MS &&
        now - s.lastBurst.since < BURST_MAX_MS &&
        s.past.length > 0;
      return {
        text,
        version: s.version + 1,
        lastOrigin: origin,
        past: merge ? s.past : [...s.past, s.text].slice(-HISTORY_LIMIT),
        future: [],
        lastBurst:
          burst === undefined
            ? null
            : { key: burst, at: now, since: merge ? s.lastBurst!.since : now },
      };
    }),
  load: (text) =>
    set((s) => ({
      text,
      version: s.version + 1,
      lastOrigin: 'load',
      past: s.version === 0 ? [] : [...s.past, s.text].slice(-HISTORY_LIMIT),
      future: [],
      lastBurst: null,
    })),
  undo: () =>
    set((s) => {
      const previous = s.past[s.past.length - 1];
      if (previous === undefined) return s;
      return {
        text: previous,
        version: s.version + 1,
        lastOrigin: 'history',
        past: s.past.slice(0, -1),
        future: [s.text, ...s.future],
        lastBurst: null,
      };
    }),
  redo: () =>
    set((s) => {
      const [next, ...rest] = s.future;
      if (next === undefined) return s;
      return {
        text: next,
        version: s.version + 1,
        lastOrigin: 'history',
        past: [...s.past, s.text],
        future: rest,
        lastBurst: null,
      };
    }),
});
