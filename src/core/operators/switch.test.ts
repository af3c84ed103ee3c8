// Switching the operator carries the groups over where the shapes allow (switch.ts): the fix is
// applied with the core's own fixEdit and the result read back by analyze.
import { describe, expect, it } from 'vitest';
import { operatorManifest } from '../../fixtures/operatorManifest.ts';
import { analyze } from '../analyze.ts';
import { fixEdit } from '../edit/fix.ts';
import { applyEdit } from '../edit/text.ts';
import { switchOperator } from './switch.ts';
import type { Operator } from './operators.ts';

const res = '      resources: {cpus: 4, ramRatio: 2}';

function switched(text: string, to: Operator) {
  const sw = switchOperator(analyze(text).data, to);
  const r = fixEdit(text, sw.fix);
  if (!r.ok) throw new Error(r.reason);
  return { sw, text: applyEdit(text, r.edit) };
}

const figures = (text: string) => {
  const a = analyze(text);
  return {
    operator: a.operator,
    groups: a.expansion!.groups.map((g) => [g.name, g.pods]),
    cpus: a.expansion!.totals.peak.cpus,
  };
};

describe('switching the operator', () => {
  it('carries pytorch 0.2.2 Master + Worker to jobset, named as jobset names groups', () => {
    const text = operatorManifest(
      'pytorch',
      '0.2.2',
      [
        '    # the coordinator',
        '    Master:',
        '      count: 1',
        res,
        '    Worker:',
        '      count: 3',
        res,
        '',
      ].join('\n'),
    );
    expect(figures(text)).toEqual({
      operator: 'pytorch',
      groups: [
        ['Master', 1],
        ['Worker', 3],
      ],
      cpus: 16,
    });
    const { sw, text: out } = switched(text, 'jobset');
    expect(sw.carries).toBe(true);
    expect(sw.changes).toEqual(['Master → master', 'Worker → worker']);
    expect(figures(out)).toEqual({
      operator: 'jobset',
      groups: [
        ['master', 1],
        ['worker', 3],
      ],
      cpus: 16,
    });
    expect(out).toContain('# the coordinator');
    expect(analyze(out).diagnostics.filter((d) => d.code === 'type-name-invalid')).toEqual([]);
  });

  it('carries a one-group jobset design to pytorch 0.2.3 as `worker`, dropping completions: 1', () => {
    const text = operatorManifest(
      'jobset',
      '0.2.3',
      ['    trainer:', '      count: 4', '      completions: 1', res, ''].join('\n'),
    );
    const { sw, text: out } = switched(text, 'pytorch');
    expect(sw.carries).toBe(true);
    expect(figures(out)).toEqual({ operator: 'pytorch', groups: [['worker', 4]], cpus: 16 });
    expect(out).not.toContain('completions');
    expect(analyze(out).diagnostics.filter((d) => d.code === 'operator-types')).toEqual([]);
  });

  it('does not carry groups of several pods per Job to a replica operator, and says why', () => {
    const text = operatorManifest(
      'jobset',
      '0.2.3',
      [
        '    batch:',
        '      count: 1',
        '      completions: 10',
        '      parallelisms: 2',
        res,
        '',
      ].join('\n'),
    );
    const { sw, text: out } = switched(text, 'jax');
    expect(sw.carries).toBe(false);
    expect(sw.blocked).toContain('runs 10 pods per Job');
    // The operator alone changes; the group stays as written.
    expect(analyze(out).operator).toBe('jax');
    expect(out).toContain('completions: 10');
  });

  it('does not carry groups to a shape of its own (kuberay), and says so', () => {
    const text = operatorManifest(
      'jobset',
      '0.2.3',
      ['    w:', '      count: 2', res, ''].join('\n'),
    );
    const { sw } = switched(text, 'kuberay');
    expect(sw.carries).toBe(false);
    expect(sw.blocked).toContain('different shapes');
  });
});
