import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { readFixture } from '../fixtures/read.ts';
import { sameGroupView } from './manifest/view.ts';
import { sameData } from './own.ts';

describe('sameData', () => {
  it('compares plain data at every depth, but the keys it skips', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: 0 }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, c: undefined })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData({ at: 1, v: 'x' }, { at: 9, v: 'x' }, new Set(['at']))).toBe(true);
    expect(sameData(NaN, NaN)).toBe(true);
  });
});

describe('sameGroupView', () => {
  it('sees every field the form shows change, and not the group moving in the text', () => {
    const text = readFixture('platform-main');
    const view = (t: string) => analyze(t).view!.groups.find((g) => g.name === 'worker')!;
    const before = view(text);
    // Moved down by a comment above it: the same to the form.
    const moved = view(`# a note\n${text}`);
    expect(moved.keyStart).not.toBe(before.keyStart);
    expect(sameGroupView(before, moved)).toBe(true);
    // Any field the form shows, down to the GPU's product, is a change.
    const cpus = view(text.replace(/( {4}worker:\n(?: {6}.*\n)*? {8}cpus: )\d+/, '$199'));
    expect(cpus.resources.cpus).toBe('99');
    expect(sameGroupView(before, cpus)).toBe(false);
  });
});
