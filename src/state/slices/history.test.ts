// The history kept as edits gives back exactly what a history of copies gives: random runs of
// edits (alone and in bursts), loads, undos and redos, against a model that keeps every text.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesignerStore } from '../store.ts';
import { stepTo, textOf } from './history.ts';

type Op =
  | { kind: 'edit'; at: number; cut: number; insert: string; burst: boolean }
  | { kind: 'load'; text: string }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'pause' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      at: fc.nat(),
      cut: fc.nat(4),
      insert: fc.string({ maxLength: 5 }),
      burst: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('load' as const),
      text: fc.string({ maxLength: 30 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
);

describe('the undo history as edits', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('undoes and redoes to exactly the texts a history of copies would', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(op, { maxLength: 60 }), (start, ops) => {
        const store = createDesignerStore();
        store.getState().load(start);
        // The model: every text kept whole, bursts merged as the store merges them.
        const past: string[] = [];
        let future: string[] = [];
        let burstOpen = false;
        for (const o of ops) {
          const s = store.getState();
          if (o.kind === 'edit') {
            const at = o.at % (s.text.length + 1);
            const next = s.text.slice(0, at) + o.insert + s.text.slice(at + o.cut);
            if (next === s.text) continue;
            if (!(o.burst && burstOpen && past.length)) past.push(s.text);
            future = [];
            burstOpen = o.burst;
            s.commit(next, { origin: 'yaml', ...(o.burst ? { burst: 'typing' } : {}) });
          } else if (o.kind === 'load') {
            past.push(s.text);
            future = [];
            burstOpen = false;
            s.load(o.text);
          } else if (o.kind === 'undo') {
            const back = past.pop();
            if (back !== undefined) {
              future.unshift(s.text);
              burstOpen = false;
            }
            s.undo();
            if (back !== undefined) expect(store.getState().text).toBe(back);
          } else if (o.kind === 'redo') {
            const next = future.shift();
            if (next !== undefined) {
              past.push(s.text);
              burstOpen = false;
            }
            s.redo();
            if (next !== undefined) expect(store.getState().text).toBe(next);
          } else {
            vi.advanceTimersByTime(5000);
            burstOpen = false;
          }
          expect(store.getState().past.length).toBe(Math.min(past.length, 200));
          expect(store.getState().future.length).toBe(future.length);
        }
      }),
      { numRuns: 300, seed: 27 },
    );
  });

  it('keeps the splice, not the text: a one-character edit of a 2 MB text keeps a few bytes', () => {
    const big = 'x'.repeat(2_000_000);
    const next = big.slice(0, 1000) + 'y' + big.slice(1001);
    const step = stepTo(next, big, null);
    expect(step.edit.text.length).toBe(1);
    expect(textOf(step, next)).toBe(big);
  });
});
