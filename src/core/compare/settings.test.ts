import { describe, expect, it } from 'vitest';
import { compareSettings, sweepText } from './settings.ts';
import type { Sweep } from '../sweep/sweep.ts';

const sweep: Sweep = {
  index: 'JOB_INDEX',
  axes: [
    { name: 'lr', values: { kind: 'list', values: [0.1, 0.01] } },
    { name: 'batch', values: { kind: 'range', scale: 'linear', from: 32, to: 64, points: 2 } },
  ],
};

describe('compareSettings', () => {
  it('lists a sweep, a duration, a synchronous group and the cluster that differ, A then B', () => {
    const a = { durations: { trial: 1 }, sweeps: { trial: sweep } };
    const b = {
      durations: { trial: 2 },
      synchronous: ['trial'],
      sweeps: { trial: { ...sweep, index: 'JOB_GLOBAL_INDEX' as const } },
      capacity: { gpus: { 'NVIDIA-A100-SXM4-80GB': 4 } },
    };
    expect(compareSettings(a, b)).toEqual([
      {
        key: 'sweep:trial',
        label: 'Sweep of "trial"',
        a: 'lr: 0.1, 0.01 × batch: 32 to 64, 2 points (linear); by JOB_INDEX',
        b: 'lr: 0.1, 0.01 × batch: 32 to 64, 2 points (linear); by JOB_GLOBAL_INDEX',
      },
      { key: 'duration:trial', label: 'Pod duration of "trial"', a: '1 h', b: '2 h' },
      { key: 'synchronous:trial', label: '"trial" runs synchronously', a: null, b: 'yes' },
      { key: 'cluster', label: 'Your cluster', a: null, b: '4 NVIDIA-A100-SXM4-80GB free' },
    ]);
  });

  it('lists nothing for the same settings, whatever the order they were written in', () => {
    const a = { durations: { x: 1, y: 2 }, synchronous: ['x', 'y'] };
    const b = { synchronous: ['y', 'x'], durations: { y: 2, x: 1 } };
    expect(compareSettings(a, b)).toEqual([]);
    expect(sweepText(sweep)).toContain('by JOB_INDEX');
  });
});
