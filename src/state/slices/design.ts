/**
 * The design: the YAML text (the single source of truth for the manifest), the design settings
 * (pod durations, prices, the cluster's free capacity, synchronous groups: what-ifs that are
 * never written into the manifest), and one undo history of both, for every way of editing them
 * (YAML editor, form, quick fixes, settings fields).
 *
 * A burst of edits with the same `burst` key within BURST_MS is one undo step: typing a word is
 * one step, not one per key. A group's settings follow it: an edit inside a group's key renames
 * the group and moves its settings in the same step; an edit that removes the key drops them
 * (undo brings both back).
 */
import type { StateCreator } from 'zustand';
import { diffEdit, type TextEdit } from '../../core/edit/text.ts';
import { rebase, stepTo, textOf, type Step } from './history.ts';
import { trackKeys, type TrackedKey } from '../../core/edit/keys.ts';
import {
  dropGroupSettings,
  EXAMPLE_PRICES,
  hasGroupSettings,
  renameGroupSettings,
  type Capacity,
  type KueueSetting,
  type DesignSettings,
  type Prices,
  type Rehearsal,
} from '../../core/settings.ts';
import type { Sweep } from '../../core/sweep/sweep.ts';
import type { DesignerState } from '../store.ts';
import type * as Renamed from '../../core/edit/renamed.ts';

export const BURST_MS = 1000;
/** A burst never spans more than this: a long stretch of typing is several undo steps. */
export const BURST_MAX_MS = 4000;
const HISTORY_LIMIT = 200;

export type EditOrigin = 'yaml' | 'form' | 'fix' | 'settings' | 'load' | 'history';

export interface CommitOptions {
  readonly origin: EditOrigin;
  /** Edits with the same key in quick succession merge into one undo step. */
  readonly burst?: string;
  /**
   * The splices that made the new text from the old one, each of the old text, when the caller
   * knows them (an editor's changes, a form edit). Otherwise the smallest single splice is
   * assumed, which may be ambiguous where the text repeats itself.
   */
  readonly edits?: readonly TextEdit[];
  /** New settings made in the same step (a sweep and the count it writes). */
  readonly settings?: DesignSettings;
}

/** The settings as the store holds them: every field present. */
export interface Settings {
  readonly durations: Readonly<Record<string, number>>;
  readonly prices: Prices;
  readonly capacity: Capacity | null;
  readonly synchronous: readonly string[];
  /** The name of the design exported as a Kubernetes JobSet; '' for the default. */
  readonly jobsetName: string;
  readonly sweeps: Readonly<Record<string, Sweep>>;
  /** The rehearsal shown with the design (the timeline's actual run), or null. */
  readonly rehearsal: Rehearsal | null;
  /** The Kueue queues the design is checked against, or null. */
  readonly kueue: KueueSetting | null;
}

/** One state of the design: what undo and redo restore. */
interface Snapshot {
  readonly text: string;
  readonly settings: Settings;
}

/** A step of the history: the edit to its text from its neighbour's, and its settings. */
type HistoryStep = Step<Settings>;

export interface DesignSlice extends Settings {
  readonly text: string;
  /** Bumped on every change of the text. */
  readonly version: number;
  /** Bumped on every change of the settings, so the worker is asked again. */
  readonly settingsVersion: number;
  readonly lastOrigin: EditOrigin;
  readonly past: readonly HistoryStep[];
  readonly future: readonly HistoryStep[];
  /** Burst key and time of the newest history entry, for coalescing. */
  readonly lastBurst: { readonly key: string; readonly at: number; readonly since: number } | null;
  /**
   * The keys of `spec.types` in the current text, shifted through every edit since the last
   * analysis that matched the text; null when they are not known (after a load or an undo).
   */
  readonly groupKeys: readonly TrackedKey[] | null;
  /** Designs loaded so far: work begun on one design is never applied to the next. */
  readonly loads: number;
  commit(text: string, options: CommitOptions): void;
  /**
   * Replaces the design (new, open, template, link): one undo step back to what was there.
   * `source` names where it came from (a template's title, a file's name) for the title.
   */
  load(text: string, settings?: DesignSettings, source?: string): void;
  /** What the design was opened from, when a template or a file: the title without a `name`. */
  readonly source: string | null;
  undo(): void;
  redo(): void;
  setDuration(group: string, hours: number): void;
  setPrices(prices: Prices): void;
  setCapacity(capacity: Capacity | null): void;
  /** The Kueue queues, LocalQueue and version, or none. */
  setKueue(kueue: KueueSetting | null): void;
  /**
   * Marks a group synchronous or not, starting from `from` when given: the groups the run
   * treats as synchronous now (a distributed operator's are all, while none is set).
   */
  setSynchronous(group: string, on: boolean, from?: readonly string[]): void;
  setJobSetName(name: string): void;
  /** Shows a rehearsal with the design, or none: one undo step. */
  setRehearsal(rehearsal: Rehearsal | null): void;
  /** Replaces every setting, keeping the text: one undo step. */
  applySettings(settings: DesignSettings): void;
}

/**
 * The settings record, defined once: each field's default, whether a new design keeps it (the
 * user's prices and cluster stay; a design's own settings go), whether the figures read it, and
 * whether a link or a save leaves it out while it is at its default. Defaults, completion,
 * equality, snapshots, the reset on load and `designSettings` all derive from this table.
 */
const FIELDS: { readonly [K in keyof Settings]: Field<Settings[K]> } = {
  durations: { initial: {}, keptOnLoad: false, forFigures: true, omitWhenEmpty: false },
  prices: { initial: EXAMPLE_PRICES, keptOnLoad: true, forFigures: true, omitWhenEmpty: false },
  capacity: { initial: null, keptOnLoad: true, forFigures: true, omitWhenEmpty: false },
  synchronous: { initial: [], keptOnLoad: false, forFigures: true, omitWhenEmpty: false },
  jobsetName: { initial: '', keptOnLoad: false, forFigures: true, omitWhenEmpty: true },
  sweeps: { initial: {}, keptOnLoad: false, forFigures: true, omitWhenEmpty: true },
  rehearsal: { initial: null, keptOnLoad: false, forFigures: false, omitWhenEmpty: true },
  // The cluster's queues stay for the next design, like its free capacity.
  kueue: { initial: null, keptOnLoad: true, forFigures: true, omitWhenEmpty: true },
};

interface Field<T> {
  readonly initial: T;
  readonly keptOnLoad: boolean;
  readonly forFigures: boolean;
  /** Left out of `designSettings` while empty (`''`, `{}`, null). */
  readonly omitWhenEmpty: boolean;
}

// The store's record and the core's have the same fields: a field added to one is a type error
// here until the other has it too.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameFields: SameKeys<keyof DesignSettings, keyof Settings> = true;
void _sameFields;

/** The settings' names, in one order for everyone. */
export const SETTING_KEYS = Object.keys(FIELDS) as readonly (keyof Settings)[];

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A record of the settings, field by field: `value(key)` for each. */
function record(value: <K extends keyof Settings>(key: K) => Settings[K]): Settings {
  const out = {} as Writable<Settings>;
  for (const key of SETTING_KEYS) (out as Record<string, unknown>)[key] = value(key);
  return out;
}

export const DEFAULT_SETTINGS: Settings = record((k) => FIELDS[k].initial);

const isEmpty = (v: unknown) =>
  v === null || v === '' || (typeof v === 'object' && Object.keys(v as object).length === 0);

/** The settings as the core and the link take them. */
export function designSettings(s: Settings): DesignSettings {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    if (!(FIELDS[key].omitWhenEmpty && isEmpty(s[key]))) out[key] = s[key];
  }
  return out as DesignSettings;
}

function complete(settings: DesignSettings): Settings {
  return record((k) => (settings[k] ?? FIELDS[k].initial) as Settings[typeof k]);
}

/** What a new design starts with: the user's own settings (prices, cluster) kept, the rest reset. */
function forNewDesign(s: Settings): Settings {
  return record((k) => (FIELDS[k].keptOnLoad ? s[k] : FIELDS[k].initial));
}

/** The step back from the text `next` to the design `s` as it is now. */
const back = (s: DesignSlice, next: string): HistoryStep => stepTo(next, s.text, settingsOf(s));
const settingsOf = (s: Settings): Settings => record((k) => s[k]);

export const createDesignSlice: StateCreator<DesignerState, [], [], DesignSlice> = (set, get) => {
  const setSettings = (update: (s: Settings) => DesignSettings, burst?: string): void =>
    set((s) => {
      const settings = complete(update(s));
      if (sameSettings(settings, s)) return s;
      return change(
        s,
        { text: s.text, settings, groupKeys: s.groupKeys },
        { origin: 'settings', ...(burst ? { burst } : {}) },
      );
    });

  return {
    text: '',
    ...DEFAULT_SETTINGS,
    version: 0,
    settingsVersion: 0,
    lastOrigin: 'load',
    source: null,
    past: [],
    future: [],
    lastBurst: null,
    groupKeys: null,
    loads: 0,
    commit: (text, options) =>
      set((s) => {
        if (text === s.text && !options.settings) return s;
        let settings: DesignSettings = options.settings ?? settingsOf(s);
        let groupKeys: readonly TrackedKey[] | null = null;
        if (s.groupKeys && text !== s.text) {
          const followed = followGroups(s, s.groupKeys, text, options, settings);
          // Their fate needs the YAML reader, which the page loads only then (it is not part of
          // the first load): decided a moment later, on the text as it is by then.
          if (followed.lost.length) void settleLater(get, set, s.text, followed.lost, s.loads);
          settings = followed.settings;
          groupKeys = followed.groupKeys;
        }
        const next = complete(settings);
        if (text === s.text && sameSettings(next, s)) return s;
        return change(
          s,
          { text, settings: next, groupKeys: text === s.text ? s.groupKeys : groupKeys },
          options,
        );
      }),
    load: (text, settings, source) =>
      set((s) => ({
        text,
        loads: s.loads + 1,
        source: source ?? null,
        // A new design starts without the old one's per-group settings; prices and the
        // cluster are the user's and stay unless the new design brings its own.
        ...(settings ? complete(settings) : forNewDesign(s)),
        version: s.version + 1,
        settingsVersion: s.settingsVersion + 1,
        lastOrigin: 'load',
        past: s.version === 0 ? [] : [...s.past, back(s, text)].slice(-HISTORY_LIMIT),
        future: [],
        lastBurst: null,
        groupKeys: null,
      })),
    ...historyActions(set),
    ...settingActions(setSettings),
  };
};

/** Undo and redo: a step of the history applied to the current text, and its settings restored. */
function historyActions(
  set: (update: (s: DesignSlice) => Partial<DesignSlice> | DesignSlice) => void,
): Pick<DesignSlice, 'undo' | 'redo'> {
  return {
    undo: () =>
      set((s) => {
        const previous = s.past[s.past.length - 1];
        if (previous === undefined) return s;
        const text = textOf(previous, s.text);
        return restore(
          s,
          { text, settings: previous.settings },
          { past: s.past.slice(0, -1), future: [back(s, text), ...s.future] },
        );
      }),
    redo: () =>
      set((s) => {
        const [next, ...rest] = s.future;
        if (next === undefined) return s;
        const text = textOf(next, s.text);
        return restore(
          s,
          { text, settings: next.settings },
          { past: [...s.past, back(s, text)], future: rest },
        );
      }),
  };
}

function restore(
  s: DesignSlice,
  to: Snapshot,
  history: Pick<DesignSlice, 'past' | 'future'>,
): Partial<DesignSlice> {
  return {
    text: to.text,
    ...to.settings,
    version: to.text === s.text ? s.version : s.version + 1,
    settingsVersion: sameSettings(to.settings, s) ? s.settingsVersion : s.settingsVersion + 1,
    lastOrigin: 'history',
    ...history,
    lastBurst: null,
    groupKeys: to.text === s.text ? s.groupKeys : null,
  };
}

function sameSettings(a: Settings, b: Settings): boolean {
  return SETTING_KEYS.every((k) => a[k] === b[k]);
}

/** The same settings for the figures (a rehearsal shown or hidden changes none of them). */
export function sameAnalysisSettings(a: Settings, b: Settings): boolean {
  return SETTING_KEYS.every((k) => !FIELDS[k].forFigures || a[k] === b[k]);
}

/** Settings follow their groups' new names, never over settings already someone's. */
function carryRenames(
  settings: DesignSettings,
  renames: readonly { readonly from: string; readonly to: string }[],
): DesignSettings {
  for (const r of renames) {
    if (!hasGroupSettings(settings, r.to)) settings = renameGroupSettings(settings, r.from, r.to);
  }
  return settings;
}

/**
 * The groups with settings an edit lost sight of (`lost`, names of `before`): still written,
 * renamed (their settings follow) or gone (their settings go), read on the text of now, in
 * the same undo step. Nothing is decided on a text with a syntax error, nor on another design.
 */
async function settleLater(
  get: () => DesignerState,
  set: (partial: Partial<DesignerState>) => void,
  before: string,
  lost: readonly string[],
  loads: number,
) {
  let settle: typeof Renamed.settleGroups;
  try {
    ({ settleGroups: settle } = await import('../../core/edit/renamed.ts'));
  } catch {
    return; // the settings stay: harmless for a group no longer written, and never lost
  }
  const s = get();
  if (s.loads !== loads) return;
  const settled = settle(before, s.text, lost);
  if (!settled) return;
  let settings: DesignSettings = settingsOf(s);
  for (const name of settled.removed) settings = dropGroupSettings(settings, name);
  settings = carryRenames(settings, settled.renamed);
  const next = complete(settings);
  if (!sameSettings(next, s)) set({ ...next, settingsVersion: s.settingsVersion + 1 });
}

/**
 * The group keys followed through an edit: settings carried to groups it renamed in place, the
 * keys of the new text, and the groups with settings it lost sight of (taken away, or cut
 * through by a paste), whose fate a reading of the new text decides.
 */
function followGroups(
  s: DesignSlice,
  known: readonly TrackedKey[],
  text: string,
  options: CommitOptions,
  settings: DesignSettings,
) {
  const smallest = () => trackKeys(known, s.text, [diffEdit(s.text, text)]);
  let keys = options.edits ? trackKeys(known, s.text, options.edits) : smallest();
  // A whole manifest pasted over the old one reports one splice of everything: read as its
  // smallest splice, a group renamed and nothing else changed keeps its settings.
  if (options.edits && keys.removed.length) {
    const alt = smallest();
    if (alt.removed.length < keys.removed.length) keys = alt;
  }
  const tracked = new Set([...keys.keys.map((k) => k.owner), ...keys.moved.map((m) => m.from)]);
  const lost = [...new Set([...keys.removed, ...known.map((k) => k.owner)])].filter(
    (name) => !tracked.has(name) && hasGroupSettings(settings, name),
  );
  return { settings: carryRenames(settings, keys.moved), groupKeys: keys.keys, lost };
}

/**
 * One change of the design: a new text and/or new settings, as a new undo step or merged
 * into the newest one when it continues the same burst.
 */
function change(
  s: DesignSlice,
  next: { text: string; settings: Settings; groupKeys: readonly TrackedKey[] | null },
  { origin, burst }: CommitOptions,
): Partial<DesignSlice> {
  const now = Date.now();
  const merge =
    burst !== undefined &&
    s.lastBurst !== null &&
    s.lastBurst.key === burst &&
    now - s.lastBurst.at < BURST_MS &&
    now - s.lastBurst.since < BURST_MAX_MS &&
    s.past.length > 0;
  const textChanged = next.text !== s.text;
  const settingsChanged = !sameSettings(next.settings, s);
  return {
    text: next.text,
    ...next.settings,
    version: textChanged ? s.version + 1 : s.version,
    settingsVersion: settingsChanged ? s.settingsVersion + 1 : s.settingsVersion,
    lastOrigin: origin,
    // A burst keeps one step: the newest, re-based on the new text.
    past: merge
      ? [...s.past.slice(0, -1), rebase(s.past[s.past.length - 1]!, s.text, next.text)]
      : [...s.past, back(s, next.text)].slice(-HISTORY_LIMIT),
    future: [],
    lastBurst:
      burst === undefined ? null : { key: burst, at: now, since: merge ? s.lastBurst!.since : now },
    groupKeys: next.groupKeys,
  };
}

/** The setters of the design settings, each one change (a burst of the same setting merges). */
function settingActions(
  setSettings: (update: (s: Settings) => DesignSettings, burst?: string) => void,
): Pick<
  DesignSlice,
  | 'setDuration'
  | 'setPrices'
  | 'setCapacity'
  | 'setKueue'
  | 'setSynchronous'
  | 'setJobSetName'
  | 'setRehearsal'
  | 'applySettings'
> {
  return {
    setDuration: (group, hours) =>
      setSettings(
        (s) =>
          Number.isFinite(hours) && hours > 0
            ? { ...s, durations: { ...s.durations, [group]: hours } }
            : s,
        `duration:${group}`,
      ),
    setPrices: (prices) => setSettings((s) => ({ ...s, prices }), 'prices'),
    setCapacity: (capacity) => setSettings((s) => ({ ...s, capacity }), 'capacity'),
    setKueue: (kueue) => setSettings((s) => ({ ...s, kueue }), 'kueue'),
    setSynchronous: (group, on, from) =>
      setSettings((s) => {
        const base = from ?? s.synchronous;
        return {
          ...s,
          synchronous: on ? [...new Set([...base, group])] : base.filter((g) => g !== group),
        };
      }),
    setJobSetName: (jobsetName) => setSettings((s) => ({ ...s, jobsetName }), 'jobset-name'),
    setRehearsal: (rehearsal) => setSettings((s) => ({ ...s, rehearsal })),
    applySettings: (settings) => setSettings(() => settings),
  };
}
