// The wait before the run, as the timeline draws it: from the verdict and its start, seen at a
// moment (the designer's clock). The start itself is start.test.ts's.
import { describe, expect, it } from 'vitest';
import { queueWait } from './wait.ts';
import type { Start } from './start.ts';

const NOON = Date.parse('2026-12-07T12:00:00Z');
const at = (iso: string): Start => ({
  kind: 'at',
  time: Date.parse(iso),
  after: ['ml/other'],
  ahead: [],
});

describe('queueWait', () => {
  it('no wait when admitted at once, or with no verdict', () => {
    expect(queueWait(null, NOON)).toBeNull();
    expect(queueWait({ verdict: 'admitted', start: { kind: 'now' } }, NOON)).toBeNull();
  });

  it('hours from now until the start, with its time in UTC', () => {
    expect(queueWait({ verdict: 'waits', start: at('2026-12-07T14:05:00Z') }, NOON)).toEqual({
      hours: 2 + 5 / 60,
      tone: 'warning',
      label: 'Kueue queue: waits 2 h 05 min, until 14:05 UTC',
    });
    expect(queueWait({ verdict: 'waits', start: at('2026-12-07T12:40:00Z') }, NOON)!.label).toBe(
      'Kueue queue: waits 40 min, until 12:40 UTC',
    );
    expect(queueWait({ verdict: 'waits', start: at('2026-12-10T16:00:00Z') }, NOON)!.label).toBe(
      'Kueue queue: waits 3 d 4 h, until 16:00 UTC',
    );
  });

  it('a start already past is due any moment; an unknown one, or none, says so', () => {
    const past = queueWait({ verdict: 'waits', start: at('2026-12-07T11:00:00Z') }, NOON)!;
    expect(past.hours).toBe(0);
    expect(past.label).toContain('due any moment');
    const unknown: Start = { kind: 'unknown', holding: 1, blockedBy: null };
    expect(queueWait({ verdict: 'waits', start: unknown }, NOON)).toMatchObject({
      hours: null,
      label: 'Kueue queue: waits, start not known',
    });
    expect(queueWait({ verdict: 'waits', start: null }, NOON)!.label).toContain(
      "paste the cluster's workloads",
    );
  });

  it('never: no hours, in the error tone', () => {
    for (const verdict of ['never', 'too-many-podsets'] as const)
      expect(queueWait({ verdict, start: null }, NOON)).toEqual({
        hours: null,
        tone: 'error',
        label: 'Kueue: never admitted with these queues',
      });
  });
});
