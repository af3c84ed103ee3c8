// One undo history for the text and the design settings: bursts of typing merge (never for
// longer than BURST_MAX_MS), and a group's settings follow it through renames and removals.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { moveEntry, removeEntry } from '../../core/edit/edit.ts';
import { applyEdit, type EditResult } from '../../core/edit/text.ts';
import { readFixture } from '../../fixtures/read.ts';
import { sampleRecord } from '../../fixtures/rehearsal.ts';
import { refOf } from '../../core/record/record.ts';
import { createDesignerStore } from '../store.ts';
import { BURST_MAX_MS, designSettings, SETTING_KEYS } from './design.ts';

const store = () => createDesignerStore();
type Store = ReturnType<typeof store>;

/** What the worker would answer for the current text. */
function analysed(s: Store) {
  const { text, version, durations, synchronous, prices, capacity } = s.getState();
  s.getState().setAnalysis({
    version,
    analysis: analyze(text, { durations, synchronous, prices, capacity }),
    jobset: null,
    computeMs: 0,
  });
}

/** A form edit: the splice the edit function made, as the form commits it. */
function formEdit(s: Store, make: (text: string) => EditResult) {
  const r = make(s.getState().text);
  if (!r.ok) throw new Error(r.reason);
  s.getState().commit(applyEdit(s.getState().text, r.edit), { origin: 'form', edits: [r.edit] });
}

/** Types `to` over `from` in the text one key at a time, as the YAML editor commits it. */
function typeOver(s: Store, from: string, to: string, nth = 0) {
  let at = s.getState().text.indexOf(from);
  for (let i = 0; i < nth; i++) at = s.getState().text.indexOf(from, at + 1);
  let text = s.getState().text;
  for (let i = from.length; i > 0; i--) {
    text = text.slice(0, at + i - 1) + text.slice(at + i);
    vi.advanceTimersByTime(100);
    s.getState().commit(text, { origin: 'yaml', burst: 'yaml' });
  }
  for (let i = 0; i < to.length; i++) {
    text = text.slice(0, at + i) + to[i] + text.slice(at + i);
    vi.advanceTimersByTime(100);
    s.getState().commit(text, { origin: 'yaml', burst: 'yaml' });
  }
}

describe('design history', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('merges a burst of typing into one undo step', () => {
    const s = store();
    s.getState().load('a');
    for (const t of ['ab', 'abc', 'abcd']) {
      vi.advanceTimersByTime(200);
      s.getState().commit(t, { origin: 'yaml', burst: 'yaml' });
    }
    s.getState().undo();
    expect(s.getState().text).toBe('a');
  });

  it('splits a long stretch of typing into several steps', () => {
    const s = store();
    s.getState().load('');
    let text = '';
    for (let i = 0; i < 40; i++) {
      vi.advanceTimersByTime(200); // never a pause, 8 s in all
      text += 'x';
      s.getState().commit(text, { origin: 'yaml', burst: 'yaml' });
    }
    s.getState().undo();
    const after = s.getState().text.length;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeGreaterThanOrEqual(40 - BURST_MAX_MS / 200 - 1);
  });

  it('keeps form edits in different fields as separate steps, and redo restores', () => {
    const s = store();
    s.getState().load('a');
    s.getState().commit('b', { origin: 'form', burst: 'x' });
    s.getState().commit('c', { origin: 'form', burst: 'y' });
    s.getState().undo();
    expect(s.getState().text).toBe('b');
    s.getState().redo();
    expect(s.getState().text).toBe('c');
  });

  it('makes a text edit and its settings one step: a sweep and the count it writes', () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    const sweep = {
      index: 'JOB_INDEX' as const,
      axes: [{ name: 'lr', values: { kind: 'list' as const, values: [1, 2, 3] } }],
    };
    const before = s.getState().text;
    const text = before.replace('count: 5', 'count: 3');
    s.getState().commit(text, {
      origin: 'settings',
      settings: { prices: s.getState().prices, sweeps: { worker: sweep } },
    });
    expect(s.getState().text).toBe(text);
    expect(s.getState().sweeps).toEqual({ worker: sweep });
    s.getState().undo();
    expect(s.getState().text).toBe(before);
    expect(s.getState().sweeps).toEqual({});
    // The sweep follows its group through a rename typed in the YAML.
    s.getState().redo();
    analysed(s);
    typeOver(s, 'worker:', 'trial:');
    expect(Object.keys(s.getState().sweeps)).toEqual(['trial']);
  });

  it('puts settings changes in the same history: typing a duration is one step', () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    for (const h of [1, 12]) {
      vi.advanceTimersByTime(150);
      s.getState().setDuration('worker', h);
    }
    expect(s.getState().durations).toEqual({ worker: 12 });
    const version = s.getState().version;
    s.getState().undo();
    expect(s.getState().durations).toEqual({});
    expect(s.getState().version).toBe(version); // the text did not change
    s.getState().redo();
    expect(s.getState().durations).toEqual({ worker: 12 });
  });
});

describe('settings follow their group', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('moves the duration and synchronous flag when the key is retyped in the YAML, and one undo brings both back', () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    s.getState().setDuration('worker', 3);
    s.getState().setSynchronous('worker', true);
    vi.advanceTimersByTime(5000);
    typeOver(s, 'worker:', 'trainer:');
    expect(s.getState().text).toContain('    trainer:\n      count: 5');
    expect(s.getState().durations).toEqual({ trainer: 3 });
    expect(s.getState().synchronous).toEqual(['trainer']);
    s.getState().undo();
    expect(s.getState().text).toContain('    worker:\n      count: 5');
    expect(s.getState().durations).toEqual({ worker: 3 });
    expect(s.getState().synchronous).toEqual(['worker']);
  });

  it('follows the key even while the worker has not answered for the latest text', () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    s.getState().setDuration('worker-2', 2);
    // An edit above the group shifts its key; the analysis of that text never arrives.
    const text = s.getState().text.replace('spec:\n', 'spec:\n  # a comment\n');
    s.getState().commit(text, { origin: 'yaml' });
    typeOver(s, 'worker-2:', 'eval:');
    expect(s.getState().durations).toEqual({ eval: 2 });
  });

  it('drops the settings of a removed group; undo brings them back', async () => {
    const s = store();
    const main = readFixture('platform-main');
    s.getState().load(main);
    analysed(s);
    s.getState().setDuration('worker-2', 2);
    const block =
      '    worker-2:\n      count: 1\n      resources:\n        cpus: 4\n        ramRatio: 3\n';
    expect(main).toContain(block);
    s.getState().commit(s.getState().text.replace(block, ''), { origin: 'form' });
    await vi.waitFor(() => expect(s.getState().durations).toEqual({}));
    s.getState().undo();
    expect(s.getState().durations).toEqual({ 'worker-2': 2 });
  });

  it('never hands a group’s settings to another group renamed through its name', () => {
    // worker-2 -> worker -> worker-3 passes through the name of the group `worker`.
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    s.getState().setDuration('worker', 3);
    s.getState().setSynchronous('worker', true);
    s.getState().setDuration('worker-2', 2);
    typeOver(s, 'worker-2:', 'worker-3:');
    expect(s.getState().durations).toEqual({ worker: 3, 'worker-3': 2 });
    expect(s.getState().synchronous).toEqual(['worker']);
    // Also when the worker answers in between, while the names clash.
    typeOver(s, 'worker-3:', 'worker:');
    analysed(s);
    typeOver(s, '    worker:', '    eval:', 1);
    expect(s.getState().durations).toEqual({ worker: 3, eval: 2 });
  });

  it('follows form removals and moves exactly, even where names repeat', async () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    s.getState().setDuration('worker', 3);
    s.getState().setDuration('worker-2', 2);
    formEdit(s, (t) => moveEntry(t, ['spec', 'types', 'worker-2'], 1));
    expect(s.getState().durations).toEqual({ worker: 3, 'worker-2': 2 });
    analysed(s);
    formEdit(s, (t) => removeEntry(t, ['spec', 'types', 'worker']));
    await vi.waitFor(() => expect(s.getState().durations).toEqual({ 'worker-2': 2 }));
    typeOver(s, 'worker-2:', 'eval:');
    expect(s.getState().durations).toEqual({ eval: 2 });
  });

  it('follows keys whatever the operator reads while it is being typed', () => {
    const s = store();
    s.getState().load(readFixture('platform-main').replace('operator: jobset', 'operator: jobse'));
    analysed(s);
    s.getState().setDuration('worker-2', 2);
    typeOver(s, 'worker-2:', 'eval:');
    expect(s.getState().durations).toEqual({ eval: 2 });
  });

  it('keeps the settings when the whole text is replaced by one that still has the group', () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    s.getState().setDuration('worker', 4);
    s.getState().commit(s.getState().text.replace('count: 5', 'count: 6') + '\n', {
      origin: 'yaml',
    });
    expect(s.getState().durations).toEqual({ worker: 4 });
  });

  it('starts a loaded design without the old per-group settings, and undo restores them', () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    s.getState().setDuration('worker', 3);
    s.getState().load(readFixture('two-groups'));
    expect(s.getState().durations).toEqual({});
    s.getState().undo();
    expect(s.getState().durations).toEqual({ worker: 3 });
  });
});

describe('a rehearsal shown with the design', () => {
  it('is one undo step, stays through edits, and goes when another design is loaded', () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    const record = sampleRecord();
    const rehearsal = { ref: refOf(record), record };
    expect(s.getState().rehearsal).toBeNull();
    s.getState().setRehearsal(rehearsal);
    expect(s.getState().rehearsal).toBe(rehearsal);
    s.getState().commit(s.getState().text + '# a note\n', { origin: 'yaml' });
    expect(s.getState().rehearsal).toBe(rehearsal);
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().rehearsal).toBeNull();
    s.getState().redo();
    expect(s.getState().rehearsal).toBe(rehearsal);
    s.getState().load(readFixture('two-groups'));
    expect(s.getState().rehearsal).toBeNull();
    s.getState().undo();
    expect(s.getState().rehearsal).toBe(rehearsal);
  });
});

describe('the settings record', () => {
  it('a new design (New, a template, a file) starts without the old one\u2019s sweeps and per-group settings, keeping prices and the cluster', () => {
    const s = store();
    s.getState().load(readFixture('hyperparameter-sweep'));
    const sweep = {
      index: 'JOB_INDEX' as const,
      axes: [{ name: 'lr', values: { kind: 'list' as const, values: [0.1, 0.01] } }],
    };
    s.getState().applySettings({
      ...designSettings(s.getState()),
      sweeps: { trial: sweep },
      durations: { trial: 2 },
      synchronous: ['trial'],
      jobsetName: 'mine',
      capacity: { cpus: 8 },
    });
    expect(s.getState().sweeps).toEqual({ trial: sweep });
    // Another design with a group of the same name.
    s.getState().load(readFixture('hyperparameter-sweep').replace('count: 16', 'count: 3'));
    const after = s.getState();
    expect(after.sweeps).toEqual({});
    expect(after.durations).toEqual({});
    expect(after.synchronous).toEqual([]);
    expect(after.jobsetName).toBe('');
    expect(after.capacity).toEqual({ cpus: 8 });
    // Undo brings the old design back with all of its settings.
    s.getState().undo();
    expect(s.getState().sweeps).toEqual({ trial: sweep });
  });

  it('every field survives a save and a link (a rehearsal as its reference)', async () => {
    const { encodeDesign, decodeDesign, sanitizeSettings } =
      await import('../../core/link/codec.ts');
    const record = sampleRecord();
    const samples: Record<(typeof SETTING_KEYS)[number], unknown> = {
      durations: { worker: 2.5 },
      prices: { cpuHour: 0.1, gbHour: 0.01, gpuHour: { default: 2 } },
      capacity: { cpus: 64, gpus: { 'NVIDIA-A100-SXM4-80GB': 4 } },
      synchronous: ['worker'],
      jobsetName: 'mine',
      sweeps: {
        worker: {
          index: 'JOB_INDEX',
          axes: [{ name: 'lr', values: { kind: 'list', values: [1] } }],
        },
      },
      rehearsal: { ref: refOf(record), record: null },
      kueue: {
        queues: 'kind: ClusterQueue\n',
        localQueue: 'ml/main',
        version: 'v0.18',
        priorityClass: 'high',
        workloads: 'kind: List\n',
      },
    };
    for (const key of SETTING_KEYS) {
      const settings = { [key]: samples[key] };
      expect(sanitizeSettings(JSON.parse(JSON.stringify(settings))), key).toEqual(settings);
      const link = (await encodeDesign({ text: 'x', settings }))!;
      const back = await decodeDesign(link);
      expect(back.ok && back.design.settings, key).toEqual(settings);
    }
  });
});

describe('a whole manifest pasted over the old one', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('keeps the settings of a group renamed in it, and drops those of a group it removes', async () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    s.getState().setDuration('worker', 3);
    s.getState().setDuration('master', 2);
    const before = s.getState().text;
    // The editor reports a paste over everything as one splice of the whole text.
    const pasted = before.replace('  worker:\n', '  trainer:\n');
    expect(pasted).not.toBe(before);
    s.getState().commit(pasted, {
      origin: 'yaml',
      edits: [{ start: 0, end: before.length, text: pasted }],
    });
    await vi.waitFor(() => expect(s.getState().durations).toEqual({ trainer: 3, master: 2 }));
    analysed(s);
    // A paste that takes master away: its settings go, the others stay.
    const now = s.getState().text;
    const without = now.replace(/ {4}master:\n(?: {6}.*\n)+/, '');
    expect(without).not.toContain('master:');
    s.getState().commit(without, {
      origin: 'yaml',
      edits: [{ start: 0, end: now.length, text: without }],
    });
    await vi.waitFor(() => expect(s.getState().durations).toEqual({ trainer: 3 }));
  });
});

describe('a pasted manifest that renames a group and changes others', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  const pasteOver = (s: ReturnType<typeof store>, text: string) => {
    const before = s.getState().text;
    s.getState().commit(text, {
      origin: 'yaml',
      edits: [{ start: 0, end: before.length, text }],
    });
  };

  it('carries the settings of a group whose body is the same under its new name', async () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    s.getState().setDuration('worker', 3);
    s.getState().setDuration('master', 2);
    const before = s.getState().text;
    // worker renamed to trainer with its body untouched, and master's count changed too.
    const pasted = before
      .replace('  worker:\n', '  trainer:\n')
      .replace(/( {4}master:\n(?: {6}.*\n)*? {6}count: )\d+/, '$19');
    expect(pasted).toMatch(/trainer:/);
    expect(pasted.match(/master:\n(?: {6}.*\n)*? {6}count: 9/)).not.toBeNull();
    pasteOver(s, pasted);
    await vi.waitFor(() => expect(s.getState().durations).toEqual({ trainer: 3, master: 2 }));
  });

  it('drops them when the renamed group changed too, or when two new groups match', async () => {
    const s = store();
    s.getState().load(readFixture('platform-main'));
    analysed(s);
    s.getState().setDuration('worker', 3);
    const before = s.getState().text;
    const changed = before
      .replace('  worker:\n', '  trainer:\n')
      .replace(
        'cpus: 4\n        ramRatio: 3\n        accelerators',
        'cpus: 7\n        ramRatio: 3\n        accelerators',
      );
    expect(changed).toContain('cpus: 7');
    pasteOver(s, changed);
    await vi.waitFor(() => expect(s.getState().durations).toEqual({}));
    // Undo, then a paste with two new groups of worker's body: which one is worker is unknown.
    s.getState().undo();
    expect(s.getState().durations).toEqual({ worker: 3 });
    analysed(s);
    const now = s.getState().text;
    const body = /( {4}worker:\n(?: {6}.*\n)+)/.exec(now)![1]!;
    const twins = now.replace(body, body.replace('worker:', 'a:') + body.replace('worker:', 'b:'));
    expect(twins).toMatch(/ {4}a:\n/);
    pasteOver(s, twins);
    await vi.waitFor(() => expect(s.getState().durations).toEqual({}));
  });
});
