// When a waiting design starts: team-b's admitted workloads (src/fixtures/kueue/queues.yaml)
// give their A100s back at their expected ends (admission time + maximumExecutionTimeSeconds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { gpuTrainers, KUEUE_FIXTURES } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { exportJobSet } from '../k8s/export.ts';
import { addUsageOf, admittedWorkloads } from './admitted.ts';
import { admit, pickLocalQueue } from './admission.ts';
import { readQueues, type LocalQueue } from './queues.ts';
import { startOf } from './start.ts';
import { podSetsOf } from './workload.ts';

const QUEUE_DOCS = parseAllDocuments(readFileSync(join(KUEUE_FIXTURES, 'queues.yaml'), 'utf8')).map(
  (d) => d.toJS() as unknown,
);

/** A workload admitted in team-b at 12:00 holding `gpus` A100s, for `hours` if given. */
const workload = (name: string, gpus: number, hours?: number) => ({
  kind: 'Workload',
  metadata: { name, namespace: 'ml' },
  spec: hours === undefined ? {} : { maximumExecutionTimeSeconds: hours * 3600 },
  status: {
    conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: '2026-12-07T12:00:00Z' }],
    admission: {
      clusterQueue: 'team-b',
      podSetAssignments: [
        {
          flavors: { 'nvidia.com/gpu': 'a100' },
          resourceUsage: { 'nvidia.com/gpu': String(gpus) },
        },
      ],
    },
  },
});

function start(design: string, workloads: object[]) {
  const exported = exportJobSet(analyze(design));
  if (exported.kind !== 'exported') throw new Error(exported.kind);
  const picked = pickLocalQueue(readQueues(QUEUE_DOCS), null);
  if (!('queue' in picked)) throw new Error(picked.problem);
  return startOf(
    podSetsOf(parse(exported.yaml)),
    () => readQueues(QUEUE_DOCS),
    picked.queue,
    admittedWorkloads([{ kind: 'List', items: workloads }]),
  );
}

const at = (iso: string) => Date.parse(iso);

describe('startOf', () => {
  it('now when it fits, never when it never can', () => {
    expect(start(gpuTrainers(2), [workload('a', 10, 1)])).toEqual({ kind: 'now' });
    expect(start(gpuTrainers(4), [workload('a', 10, 1)])).toEqual({ kind: 'never' });
  });

  it('24 A100s while team-b holds 6 + 4 + 4: starts when the second workload to end has ended', () => {
    // Free now: min(16 + 8 borrowable, 32 - 14) = 18; then 22 after the first end, 24 after two.
    const s = start(gpuTrainers(3), [
      workload('late', 6, 5),
      workload('early', 4, 1),
      workload('middle', 4, 2),
    ]);
    expect(s).toEqual({
      kind: 'at',
      time: at('2026-12-07T14:00:00Z'),
      after: ['ml/early', 'ml/middle'],
    });
  });

  it('not known while workloads with no expected end hold the quota', () => {
    const s = start(gpuTrainers(3), [workload('forever', 10), workload('soon', 1, 1)]);
    expect(s).toEqual({ kind: 'unknown', holding: 1 });
  });

  it('bisection finds the same end as trying every end in turn (200 random clusters)', () => {
    // mulberry32, seeded: the same 200 clusters every run.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const exported = exportJobSet(analyze(gpuTrainers(3)));
    if (exported.kind !== 'exported') throw new Error(exported.kind);
    const podSets = podSetsOf(parse(exported.yaml));
    const lq = (pickLocalQueue(readQueues(QUEUE_DOCS), null) as { queue: LocalQueue }).queue;
    let timed = 0;
    for (let run = 0; run < 200; run++) {
      const ws = admittedWorkloads([
        {
          kind: 'List',
          items: Array.from({ length: 1 + rand(8) }, (_, i) =>
            workload(`w${i}`, 1 + rand(6), rand(5) ? 1 + rand(20) : undefined),
          ),
        },
      ]);
      const verdictWith = (running: typeof ws) => {
        const q = readQueues(QUEUE_DOCS);
        addUsageOf(q, running);
        return admit(podSets, q, lq).verdict;
      };
      const ending = ws
        .filter((w) => w.end !== null)
        .sort((a, b) => a.end! - b.end! || (a.name < b.name ? -1 : 1));
      const unknown = ws.filter((w) => w.end === null);
      let expected: ReturnType<typeof startOf> = { kind: 'unknown', holding: unknown.length };
      if (verdictWith(ws) === 'admitted') expected = { kind: 'now' };
      else
        for (let k = 1; k <= ending.length; k++)
          if (verdictWith([...ending.slice(k), ...unknown]) === 'admitted') {
            expected = {
              kind: 'at',
              time: ending[k - 1]!.end!,
              after: ending.slice(0, k).map((w) => w.name),
            };
            break;
          }
      const got = startOf(podSets, () => readQueues(QUEUE_DOCS), lq, ws);
      expect(got).toEqual(expected);
      if (got.kind === 'at') timed++;
    }
    // The precondition: the random clusters include waits that end.
    expect(timed).toBeGreaterThan(20);
  });
});
