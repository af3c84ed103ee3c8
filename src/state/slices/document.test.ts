// One undo history: bursts of typing merge, but never for longer than BURST_MAX_MS.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { BURST_MAX_MS, createDocumentSlice, type DocumentSlice } from './document.ts';

const store = () =>
  create<DocumentSlice>()(
    (...a) =>
      createDocumentSlice(
        ...(a as unknown as Parameters<typeof createDocumentSlice>),
      ) as DocumentSlice,
  );

describe('document history', () => {
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
});
