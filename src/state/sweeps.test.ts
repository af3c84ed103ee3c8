// A sweep writes the count its grid needs, read from the figures of the text as it is: never
// from an analysis of an older text still on its way, and never guessing unknown counts.
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze.ts';
import { otherGroupsJobs, sweepTarget, type Sweep } from '../core/sweep/sweep.ts';
import { readFixture } from '../fixtures/read.ts';
import { designSettings } from './slices/design.ts';
import { useDesigner } from './store.ts';
import { applySweep } from './sweeps.ts';

const analysed = () => {
  const s = useDesigner.getState();
  s.setAnalysis({
    version: s.version,
    analysis: analyze(s.text, designSettings(s)),
    jobset: null,
    computeMs: 0,
  });
};
const lr = (n: number): Sweep => ({
  index: 'JOB_INDEX',
  axes: [{ name: 'lr', values: { kind: 'list', values: Array.from({ length: n }, (_, i) => i) } }],
});
const countOf = (group: string) =>
  new RegExp(` {4}${group}:\\n(?: {6}.*\\n)*? {6}count: (\\d+)`).exec(
    useDesigner.getState().text,
  )?.[1];

describe('applySweep', () => {
  it('writes the grid size into count when the figures are of the text as it is', async () => {
    useDesigner.getState().load(readFixture('platform-main'));
    analysed();
    expect(countOf('worker')).toBe('5');
    await applySweep('worker', lr(3));
    expect(countOf('worker')).toBe('3');
    expect(useDesigner.getState().sweeps).toEqual({ worker: lr(3) });
  });

  it('waits for the figures of an edited text before it writes the count', async () => {
    useDesigner.getState().load(readFixture('platform-main'));
    analysed();
    // An edit the worker has not answered yet: the analysis shown is of the older text.
    const before = useDesigner.getState().text;
    const edited = before.replace(/( {4}worker:\n(?: {6}.*\n)*? {6}count: )5/, '$17');
    expect(edited).not.toBe(before);
    useDesigner.getState().commit(edited, { origin: 'yaml' });
    expect(useDesigner.getState().analysisVersion).toBeLessThan(useDesigner.getState().version);
    await applySweep('worker', lr(4));
    // Nothing written from the stale figures (which say 5): the count the user typed stays.
    expect(countOf('worker')).toBe('7');
    analysed();
    await expect.poll(() => countOf('worker')).toBe('4');
  });

  it('never writes from a text typed again before the figures came', async () => {
    useDesigner.getState().load(readFixture('platform-main'));
    analysed();
    const text = useDesigner.getState().text;
    useDesigner.getState().commit(text.replace('count: 5', 'count: 6'), { origin: 'yaml' });
    await applySweep('worker', lr(2));
    const typed = useDesigner.getState().text.replace('count: 6', 'count: 8');
    useDesigner.getState().commit(typed, { origin: 'yaml' });
    analysed();
    await new Promise((r) => setTimeout(r, 20));
    expect(countOf('worker')).toBe('8');
  });
});

describe('otherGroupsJobs', () => {
  it('counts the other groups, and says nothing when one is not known', () => {
    const groups = [
      { name: 'a', count: 2 },
      { name: 'b', count: 3 },
    ];
    expect(otherGroupsJobs(groups, 'a')).toBe(3);
    expect(otherGroupsJobs([...groups, { name: 'c', count: null }], 'a')).toBeNull();
    // Unknown others: a sweep numbered by JOB_GLOBAL_INDEX cannot be sure its Jobs start at 0.
    const global: Sweep = { ...lr(2), index: 'JOB_GLOBAL_INDEX' };
    expect(sweepTarget(global, 0)).toBe(2);
    expect(sweepTarget(global, null)).toBeNull();
    expect(sweepTarget(lr(2), null)).toBe(2);
  });
});
