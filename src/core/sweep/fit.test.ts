// Whether a sweep fits its group: a grid larger than the Jobs (or pods) it numbers leaves points
// that never run, a smaller one leaves pods with no point, a JOB_GLOBAL_INDEX grid beside other
// groups skips its first points. Each is a finding of the settings, with a fix whose result has
// no finding; a cluster fix never cuts a swept count.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { applyEdit, fixEdit } from '../edit/index.ts';
import type { Sweep } from './sweep.ts';

const A100 = 'NVIDIA-A100-SXM4-80GB';
const lr = (n: number, index: Sweep['index'] = 'JOB_INDEX'): Sweep => ({
  index,
  axes: [{ name: 'lr', values: { kind: 'list', values: Array.from({ length: n }, (_, i) => i) } }],
});
const misfits = (text: string, sweeps: Record<string, Sweep>) =>
  analyze(text, { sweeps }).findings.filter((f) => f.code === 'sweep-does-not-fit');

describe('a sweep that does not fit its group', () => {
  const trials = readFixture('hyperparameter-sweep'); // trial: count 16

  it('fits when the grid has one point per Job: no finding', () => {
    expect(misfits(trials, { trial: lr(16) })).toEqual([]);
  });

  it('says which points never run, or which pods have none, at the figure, with a fix', () => {
    const [more] = misfits(trials, { trial: lr(20) });
    expect(more!.message).toBe(
      'The sweep of "trial" has 20 points but 16 Jobs (count): points 16 to 19 never run.',
    );
    expect(more!.severity).toBe('warning');
    expect(trials.slice(more!.start, more!.end)).toBe('16');
    const [fewer] = misfits(trials, { trial: lr(8) });
    expect(fewer!.message).toContain('pods 8 to 15 have no point');
    // The fix writes the grid size; its result fits.
    for (const [f, n] of [
      [more!, 20],
      [fewer!, 8],
    ] as const) {
      const edit = fixEdit(trials, f.fixes![0]!);
      if (!edit.ok) throw new Error(edit.reason);
      const text = applyEdit(trials, edit.edit);
      expect(misfits(text, { trial: lr(n) })).toEqual([]);
      expect(analyze(text).valid).toBe(true);
    }
  });

  it('numbers pods by JOB_COMPLETION_INDEX against completions', () => {
    const batch = readFixture('sequential-batch'); // processor: completions 100
    const [f] = misfits(batch, { processor: lr(10, 'JOB_COMPLETION_INDEX') });
    expect(f!.message).toContain('10 points but 100 pods per Job (completions)');
  });

  it('refuses JOB_GLOBAL_INDEX beside other groups, with no text fix', () => {
    const main = readFixture('platform-main'); // master, worker (5), worker-2
    const [f] = misfits(main, { worker: lr(5, 'JOB_GLOBAL_INDEX') });
    expect(f!.message).toContain(
      'its Jobs start at JOB_GLOBAL_INDEX 1, so points 0 to 0 never run',
    );
    expect(f!.fixes).toBeUndefined();
    // Alone in its design, it fits.
    expect(misfits(trials, { trial: lr(16, 'JOB_GLOBAL_INDEX') })).toEqual([]);
  });

  it('keeps the cluster from cutting a swept count: no "Set count" fix for a swept group', () => {
    const eight = trials.replace('count: 16', 'count: 8');
    const settings = { synchronous: ['trial'], capacity: { gpus: { [A100]: 4 } } };
    const plain = analyze(eight, settings).findings.find(
      (f) => f.code === 'synchronous-over-capacity',
    )!;
    expect(plain.fixes?.[0]?.title).toBe('Set count to 4 (fits the cluster)');
    const swept = analyze(eight, { ...settings, sweeps: { trial: lr(8) } }).findings.find(
      (f) => f.code === 'synchronous-over-capacity',
    )!;
    expect(swept.fixes).toBeUndefined();
    expect(swept.message).toContain('Its sweep needs all 8 Jobs');
  });
});

describe('a synchronous group of independent trials', () => {
  const trials = readFixture('hyperparameter-sweep');
  const question = (synchronous: string[], index: Sweep['index'] = 'JOB_INDEX') =>
    analyze(trials, { sweeps: { trial: lr(16, index) }, synchronous }).findings.filter(
      (f) => f.code === 'synchronous-trials',
    );

  it('is questioned, not silently accepted', () => {
    const [q] = question(['trial']);
    expect(q!.severity).toBe('info');
    expect(q!.message).toContain('its sweep makes each Job an independent trial (JOB_INDEX)');
    expect(q!.path).toEqual(['spec', 'types', 'trial']);
  });

  it('says nothing when the group is not synchronous', () => {
    expect(question([])).toEqual([]);
  });
});
