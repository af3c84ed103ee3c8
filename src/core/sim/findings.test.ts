import { describe, expect, it } from 'vitest';
import { readFixture, withTypes } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import type { DiagnosticCode } from '../diagnostics.ts';
import { fixEdit } from '../edit/fix.ts';
import { applyEdit } from '../edit/text.ts';
import type { DesignSettings } from '../settings.ts';

const A100 = 'NVIDIA-A100-SXM4-80GB';
/** The diagnostic or finding with `code`, and the text with its fix applied. */
const fixed = (text: string, code: DiagnosticCode, settings: DesignSettings = {}) => {
  const a = analyze(text, settings);
  const d = [...a.diagnostics, ...a.findings].find((x) => x.code === code)!;
  const edit = fixEdit(text, d.fixes![0]!);
  if (!edit.ok) throw new Error(edit.reason);
  return { d, text: applyEdit(text, edit.edit) };
};
const findingCodes = (text: string, settings: DesignSettings) =>
  analyze(text, settings).findings.map((d) => d.code);

describe('lints with fixes', () => {
  it('completes a partly empty last wave', () => {
    const text = readFixture('sequential-batch').replace('completions: 100', 'completions: 10');
    const r = fixed(text, 'partial-last-wave');
    expect(r.d.fixes![0]!.title).toBe('Set completions to 12 (3 full waves)');
    expect(r.text).toContain('completions: 12');
    expect(analyze(r.text).diagnostics.map((d) => d.code)).not.toContain('partial-last-wave');
  });
});

describe('cluster findings', () => {
  it('lowers parallelisms when the peak does not fit the cluster', () => {
    const settings = { capacity: { cpus: 8 } };
    const r = fixed(readFixture('sequential-batch'), 'peak-over-capacity', settings);
    expect(r.d.message).toContain('16 CPUs; the cluster has 8 free');
    expect(r.text).toContain('parallelisms: 2');
    expect(findingCodes(r.text, settings)).not.toContain('peak-over-capacity');
  });

  it('flags a synchronous group the cluster cannot hold, and fits its count', () => {
    const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 8');
    const settings = { capacity: { gpus: { [A100]: 6 } }, synchronous: ['trial'] };
    const r = fixed(text, 'synchronous-over-capacity', settings);
    expect(r.d.severity).toBe('error');
    expect(r.text).toContain('count: 6');
    expect(findingCodes(r.text, settings)).not.toContain('synchronous-over-capacity');
  });

  it('never changes the manifest\u2019s validity: a what-if setting is not the manifest', () => {
    const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 8');
    const plain = analyze(text);
    const what = analyze(text, { capacity: { gpus: { [A100]: 6 } }, synchronous: ['trial'] });
    expect(what.findings.map((d) => d.code)).toContain('synchronous-over-capacity');
    expect(what.valid).toBe(plain.valid);
    expect(what.valid).toBe(true);
    expect(what.diagnostics).toEqual(plain.diagnostics);
  });

  it('carries the schedule and the usage in the analysis', () => {
    const a = analyze(readFixture('hyperparameter-sweep'), { capacity: { gpus: { [A100]: 4 } } });
    expect(a.schedule!.simulated!.makespan).toBe(4);
    expect(a.schedule!.plan.makespan).toBe(1);
    expect(a.usage!.gpuHoursByProduct).toEqual({ [A100]: 16 });
  });
});

describe('cluster findings, from review', () => {
  it('says a group is blocked by a synchronous group that holds the cluster, not that it is too large', () => {
    const text = withTypes(`    a:
      count: 3
      resources: { cpus: 2, ramRatio: 2 }
    b:
      resources: { cpus: 2, ramRatio: 2 }
`);
    // a needs 6 CPUs at once, the cluster has 5: a's first 2 pods hold 4 CPUs forever, b never fits.
    const a = analyze(text, { capacity: { cpus: 5 }, synchronous: ['a'] });
    const codes = a.findings.map((d) => `${d.code}:${d.path.at(-1)}`);
    expect(codes).toContain('synchronous-over-capacity:a');
    expect(codes).toContain('blocked-by-synchronous:b');
    expect(codes).not.toContain('pod-over-capacity:b');
    expect(a.findings.find((d) => d.code === 'blocked-by-synchronous')!.message).toContain(
      'held by "a"',
    );
  });
});
