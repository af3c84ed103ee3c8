// Autosave and drafts in local storage: versioned, tolerant of garbage, never in the way.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_PRICES, isExamplePrices } from '../../core/settings.ts';
import { refOf } from '../../core/record/record.ts';
import { sampleRecord } from '../../fixtures/rehearsal.ts';
import { loadDrafts, loadSaved, pushDraft, removeDraft, save } from './storage.ts';

class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(k, v);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('autosave', () => {
  it('saves the text and settings and reads them back', () => {
    expect(save('kind: x\n', { durations: { w: 2 }, prices: EXAMPLE_PRICES })).toBe(true);
    const saved = loadSaved()!;
    expect(saved.text).toBe('kind: x\n');
    expect(saved.settings.durations).toEqual({ w: 2 });
    // A copy of the example prices is still the example prices (no identity check).
    expect(isExamplePrices(saved.settings.prices!)).toBe(true);
  });

  it('keeps where the design came from (the title until it has a name), on one short line', () => {
    save('kind: x\n', {}, '', 'Two groups');
    expect(loadSaved()!.source).toBe('Two groups');
    save('kind: x\n', {});
    expect(loadSaved()!.source).toBeUndefined();
    // Storage another tab or an extension wrote: a title is one line, of a title's length.
    storage.setItem(
      'jobset-designer:v1:design',
      JSON.stringify({ text: 'kind: x\n', source: `a\n<b>\r${'x'.repeat(5000)}` }),
    );
    const source = loadSaved()!.source!;
    expect(source.startsWith('a <b> x')).toBe(true);
    expect(source).toHaveLength(200);
    storage.setItem('jobset-designer:v1:design', JSON.stringify({ text: 'k', source: 7 }));
    expect(loadSaved()!.source).toBeUndefined();
  });

  it('keeps the link the address bar held, so a reload knows the saved design is newer', () => {
    save('kind: x\n', {}, 'v2.abc.def');
    expect(loadSaved()!.link).toBe('v2.abc.def');
    save('kind: y\n', {});
    expect(loadSaved()!.link).toBeUndefined();
  });

  it('ignores garbage and says when the browser refuses', () => {
    storage.items.set('jobset-designer:v1:design', '{not json');
    expect(loadSaved()).toBeNull();
    storage.items.set('jobset-designer:v1:design', JSON.stringify({ text: 5 }));
    expect(loadSaved()).toBeNull();
    storage.items.set(
      'jobset-designer:v1:design',
      JSON.stringify({ text: 'a', settings: { durations: { w: -1, v: 'x', u: 3 } } }),
    );
    expect(loadSaved()!.settings.durations).toEqual({ u: 3 });
    storage.full = true;
    expect(save('a', {})).toBe(false);
  });
});

describe('drafts', () => {
  it('keeps the newest first, without duplicates, and deletes by position', () => {
    pushDraft({ text: 'a', settings: {}, savedAt: 1 });
    pushDraft({ text: 'b', settings: {}, savedAt: 2 });
    pushDraft({ text: 'a', settings: {}, savedAt: 3 });
    expect(loadDrafts().map((d) => d.text)).toEqual(['a', 'b']);
    removeDraft(0);
    expect(loadDrafts().map((d) => d.text)).toEqual(['b']);
  });

  it('makes room past ten by dropping the oldest drafts that came unchanged from a link', () => {
    pushDraft({ text: 'mine', settings: {}, savedAt: 0, edited: true });
    for (let i = 0; i < 12; i++)
      pushDraft({ text: String(i), settings: {}, savedAt: i + 1, edited: false });
    const texts = loadDrafts().map((d) => d.text);
    expect(texts).toHaveLength(10);
    expect(texts[0]).toBe('11');
    // The edited design, the oldest of all, is still there: never pushed out to make room.
    expect(texts).toContain('mine');
    expect(texts).not.toContain('0');
  });

  it('never drops an edited draft, even past ten', () => {
    for (let i = 0; i < 12; i++) pushDraft({ text: String(i), settings: {}, savedAt: i });
    expect(loadDrafts()).toHaveLength(12);
  });
});

describe('a rehearsal record in storage', () => {
  it('drafts keep only its reference; a design too large with it is saved without it', () => {
    const record = sampleRecord();
    const settings = { rehearsal: { ref: refOf(record), record } };
    expect(pushDraft({ text: 'kind: x\n', settings, savedAt: 1 })).toBe(true);
    expect(loadDrafts()[0]!.settings.rehearsal).toEqual({ ref: refOf(record), record: null });
    // Room for the design, not for its record: the design is saved, the record's reference too.
    storage.setItem = function (k: string, v: string) {
      if (v.length > 1000) throw new DOMException('full', 'QuotaExceededError');
      this.items.set(k, v);
    };
    expect(JSON.stringify(settings).length).toBeGreaterThan(1000);
    expect(save('kind: x\n', settings)).toBe(true);
    expect(loadSaved()!.settings.rehearsal).toEqual({ ref: refOf(record), record: null });
  });
});
