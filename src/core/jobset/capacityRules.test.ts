import { describe, expect, it } from 'vitest';
import { readFixture } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { applyEdit } from '../edit/text.ts';

const A100 = 'NVIDIA-A100-SXM4-80GB';
const fixed = (text: string, code: string, settings = {}) => {
  const d = analyze(text, settings).diagnostics.find((x) => x.code === code)!;
  return { d, text: applyEdit(text, d.fix!) };
};

describe('lints with fixes', () => {
  it('completes a partly empty last wave', () => {
    const text = readFixture('sequential-batch').replace('completions: 100', 'completions: 10');
    const r = fixed(text, 'partial-last-wave');
    expect(r.d.fix!.title).toBe('Set completions to 12 (3 full waves)');
    expect(r.text).toContain('completions: 12');
    expect(analyze(r.text).diagnostics.map((d) => d.code)).not.toContain('partial-last-wave');
  });

  it('lowers parallelisms when the peak does not fit the cluster', () => {
    const settings = { capacity: { cpus: 8 } };
    const r = fixed(readFixture('sequential-batch'), 'peak-over-capacity', settings);
    expect(r.d.message).toContain('16 CPUs; the cluster has 8 free');
    expect(r.text).toContain('parallelisms: 2');
    expect(analyze(r.text, settings).diagnostics.map((d) => d.code)).not.toContain(
      'peak-over-capacity',
    );
  });

  it('flags a synchronous group the cluster cannot hold, and fits its count', () => {
    const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 8');
    const settings = { capacity: { gpus: { [A100]: 6 } }, synchronous: ['trial'] };
    const r = fixed(text, 'synchronous-over-capacity', settings);
    expect(r.d.severity).toBe('error');
    expect(r.text).toContain('count: 6');
    expect(analyze(r.text, settings).diagnostics.map((d) => d.code)).not.toContain(
      'synchronous-over-capacity',
    );
  });

  it('carries the simulation and the usage in the analysis', () => {
    const a = analyze(readFixture('hyperparameter-sweep'), { capacity: { gpus: { [A100]: 4 } } });
    expect(a.simulation!.makespan).toBe(4);
    expect(a.usage!.gpuHoursByProduct).toEqual({ [A100]: 16 });
  });
});
