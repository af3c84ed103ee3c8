// When a waiting design starts: team-b's admitted workloads (src/fixtures/kueue/queues.yaml)
// give their A100s back at their expected ends (admission time + maximumExecutionTimeSeconds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { gpuTrainers, KUEUE_FIXTURES } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { exportJobSet } from '../k8s/export.ts';
import { addUsageOf, admittedWorkloads, type AdmittedWorkload } from './admitted.ts';
import { assignFlavors, type PodSet } from './assign.ts';
import { admit, pickLocalQueue } from './admission.ts';
import { readQueues, type LocalQueue } from './queues.ts';
import { startOf, type Start } from './start.ts';
import { listedAt, pendingWorkloads } from './pending.ts';
import { podSetsOf } from './workload.ts';

const QUEUE_DOCS = parseAllDocuments(readFileSync(join(KUEUE_FIXTURES, 'queues.yaml'), 'utf8')).map(
  (d) => d.toJS() as unknown,
);

/** A workload admitted in team-b (or `clusterQueue`) at 12:00 holding `gpus` A100s, for `hours` if given. */
const workload = (name: string, gpus: number, hours?: number, clusterQueue = 'team-b') => ({
  kind: 'Workload',
  metadata: { name, namespace: 'ml' },
  spec: hours === undefined ? {} : { maximumExecutionTimeSeconds: hours * 3600 },
  status: {
    conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: '2026-12-07T12:00:00Z' }],
    admission: {
      clusterQueue,
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
      ahead: [],
    });
  });

  it('not known while workloads with no expected end hold the quota', () => {
    const s = start(gpuTrainers(3), [workload('forever', 10), workload('soon', 1, 1)]);
    expect(s).toEqual({ kind: 'unknown', holding: 1, blockedBy: null });
  });

  it('the queue: a StrictFIFO head that does not fit holds back a design the quota could take', () => {
    // team-b holds 10 A100s until 14:00; team-a can take 22 now, 24 after. p1 (23 A100s, one
    // hour) heads team-a's queue: admitted at 14:00, it ends at 15:00, and the design with it.
    const queued = [pendingWorkload('p1', 23, { hours: 1 })];
    const strict = startIn('StrictFIFO', gpuTrainers(1), [workload('other', 10, 2)], queued);
    expect(strict).toEqual({
      kind: 'at',
      time: at('2026-12-07T15:00:00Z'),
      after: ['ml/other', 'ml/p1'],
      ahead: ['ml/p1'],
    });
    // BestEffortFIFO lets the design past the head that does not fit.
    expect(startIn('BestEffortFIFO', gpuTrainers(1), [workload('other', 10, 2)], queued)).toEqual({
      kind: 'now',
    });
    // A design of higher priority comes before the head.
    expect(startIn('StrictFIFO', gpuTrainers(1), [workload('other', 10, 2)], queued, 100)).toEqual({
      kind: 'now',
    });
  });

  it('a StrictFIFO head that can never fit blocks the queue for good', () => {
    const s = startIn(
      'StrictFIFO',
      gpuTrainers(1),
      [workload('other', 10, 2)],
      [pendingWorkload('huge', 40)],
    );
    expect(s).toEqual({ kind: 'unknown', holding: 0, blockedBy: 'ml/huge' });
  });

  it('pending workloads ahead take the quota first when it is freed', () => {
    // At 14:00 team-a has 24: p1 takes 16 of them (until 16:00), and the design's 16 wait.
    const s = startIn(
      'BestEffortFIFO',
      gpuTrainers(2),
      [workload('other', 20, 2)],
      [pendingWorkload('p1', 16, { hours: 2 })],
    );
    expect(s).toEqual({
      kind: 'at',
      time: at('2026-12-07T16:00:00Z'),
      after: ['ml/other', 'ml/p1'],
      ahead: ['ml/p1'],
    });
  });

  it('heads within nominal quota go before those that borrow (scheduler.go makeClassicalIterator)', () => {
    // team-a's 16 A100s are back at 13:00; team-b holds 8 for good. ml/p, older, waits in team-b
    // for 24 (it would borrow 16 of team-a's); the design's 16 fit team-a's nominal quota: it
    // goes first, and p no longer fits.
    const s = startIn(
      'BestEffortFIFO',
      gpuTrainers(2),
      [workload('a16', 16, 1, 'team-a'), workload('b8', 8, undefined, 'team-b')],
      [pendingWorkload('p', 24, { hours: 2, queue: 'b' })],
    );
    expect(s).toEqual({
      kind: 'at',
      time: at('2026-12-07T13:00:00Z'),
      after: ['ml/a16'],
      ahead: [],
    });
  });

  it('workloads overdue when listed give their quota back together', () => {
    // Listed at 13:00, w1 and w2 (8 each) were due at 12:30 and 12:45: the 16 they hold come
    // back at once, and p (16, the oldest) takes them all; q and the design (8 each) wait for p.
    const s = startIn(
      'BestEffortFIFO',
      gpuTrainers(1),
      [
        workload('w1', 8, 0.5, 'team-a'),
        workload('w2', 8, 0.75, 'team-a'),
        workload('b16', 16, undefined, 'team-b'),
      ],
      [
        pendingWorkload('p', 16, { hours: 1 }),
        pendingWorkload('q', 8, { hours: 1, created: '2026-12-07T13:00:00Z' }),
      ],
    );
    expect(s).toEqual({
      kind: 'at',
      time: at('2026-12-07T14:00:00Z'),
      after: ['ml/w1', 'ml/w2', 'ml/p'],
      ahead: ['ml/p', 'ml/q'],
    });
  });

  it('the same start as a step-by-step simulation of the queues (300 random clusters)', () => {
    // mulberry32, seeded: the same clusters every run.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const kinds = new Map<string, number>();
    for (let run = 0; run < 300; run++) {
      const strategies = [
        rand(2) ? 'StrictFIFO' : 'BestEffortFIFO',
        rand(2) ? 'StrictFIFO' : 'BestEffortFIFO',
      ] as const;
      const running = Array.from({ length: rand(7) }, (_, i) =>
        workload(
          `w${i}`,
          1 + rand(6),
          rand(6) ? 1 + rand(12) : undefined,
          rand(2) ? 'team-a' : 'team-b',
        ),
      );
      const pending = Array.from({ length: rand(6) }, (_, i) =>
        pendingWorkload(`p${i}`, 1 + rand(20), {
          hours: rand(5) ? 1 + rand(6) : undefined,
          priority: rand(3) * 10,
          minute: rand(60),
          queue: rand(3) ? 'main' : 'b',
        }),
      );
      const design = gpuTrainers(1 + rand(3));
      const priority = rand(3) * 10;
      const got = startIn(strategies, design, running, pending, priority);
      expect(got, `cluster ${run}`).toEqual(
        stepByStep(strategies, design, running, pending, priority),
      );
      kinds.set(got.kind, (kinds.get(got.kind) ?? 0) + 1);
      if (got.kind === 'at' && got.ahead.length) kinds.set('ahead', (kinds.get('ahead') ?? 0) + 1);
    }
    // The precondition: every kind of answer, and starts behind pending workloads.
    expect(kinds.get('now')).toBeGreaterThan(20);
    expect(kinds.get('at')).toBeGreaterThan(20);
    expect(kinds.get('unknown')).toBeGreaterThan(10);
    expect(kinds.get('ahead')).toBeGreaterThan(10);
  });
});

type Strategies = 'StrictFIFO' | 'BestEffortFIFO' | readonly [string, string];

/** The fixture's queues with each ClusterQueue's strategy, and a LocalQueue `ml/b` of team-b. */
function queueDocs(strategies: Strategies): unknown[] {
  const [a, b] = typeof strategies === 'string' ? [strategies, strategies] : strategies;
  const docs = structuredClone(QUEUE_DOCS) as {
    kind: string;
    metadata: { name: string };
    spec: Record<string, unknown>;
  }[];
  for (const d of docs)
    if (d.kind === 'ClusterQueue') d.spec.queueingStrategy = d.metadata.name === 'team-a' ? a : b;
  return [
    ...docs,
    {
      kind: 'LocalQueue',
      metadata: { name: 'b', namespace: 'ml' },
      spec: { clusterQueue: 'team-b' },
    },
  ];
}

/** A workload waiting in `ml/main` (or `ml/b`) since 11:mm for `gpus` A100s, one per pod. */
function pendingWorkload(
  name: string,
  gpus: number,
  o: {
    hours?: number | undefined;
    priority?: number;
    minute?: number;
    queue?: string;
    created?: string;
  } = {},
) {
  return {
    kind: 'Workload',
    metadata: {
      name,
      namespace: 'ml',
      creationTimestamp: o.created ?? `2026-12-07T11:${String(o.minute ?? 0).padStart(2, '0')}:00Z`,
    },
    spec: {
      queueName: o.queue ?? 'main',
      priority: o.priority ?? 0,
      ...(o.hours !== undefined && { maximumExecutionTimeSeconds: o.hours * 3600 }),
      podSets: [
        {
          name: 'main',
          count: gpus,
          template: {
            spec: {
              nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' },
              containers: [{ resources: { requests: { 'nvidia.com/gpu': '1' } } }],
            },
          },
        },
      ],
    },
  };
}

function designPodSets(design: string) {
  const exported = exportJobSet(analyze(design));
  if (exported.kind !== 'exported') throw new Error(exported.kind);
  return podSetsOf(parse(exported.yaml));
}

function startIn(
  strategies: Strategies,
  design: string,
  running: object[],
  pending: object[],
  priority = 0,
) {
  const docs = queueDocs(strategies);
  const list = [{ kind: 'List', items: [...running, ...pending] }];
  const lq = (pickLocalQueue(readQueues(docs), 'ml/main') as { queue: LocalQueue }).queue;
  return startOf(
    designPodSets(design),
    () => readQueues(docs),
    lq,
    admittedWorkloads(list),
    undefined,
    {
      pending: pendingWorkloads(list),
      priority,
      listedAt: listedAt(list),
    },
  );
}

/**
 * The oracle: every moment in turn (the listing, then each end, every workload over by then
 * giving its quota back), the queues rebuilt from nothing for every question, and Kueue's
 * scheduling cycles in plain loops (scheduler.go: each ClusterQueue's head; within nominal
 * quota first, then priority, then age; admitted if it still fits). No bisection, no usage
 * given back.
 */
function stepByStep(
  strategies: Strategies,
  design: string,
  running: object[],
  pending: object[],
  priority: number,
): Start {
  const docs = queueDocs(strategies);
  const list = [{ kind: 'List', items: [...running, ...pending] }];
  const podSets = designPodSets(design);
  const lq = (pickLocalQueue(readQueues(docs), 'ml/main') as { queue: LocalQueue }).queue;
  const all: AdmittedWorkload[] = [...admittedWorkloads(list)];
  if (admit(podSets, withUsage(docs, all), lq).verdict === 'never') return { kind: 'never' };
  const lqs = new Map([
    ['main', 'team-a'],
    ['b', 'team-b'],
  ]);
  type Waiting = {
    name: string;
    priority: number;
    since: number;
    cq: string;
    podSets: PodSet[];
    seconds: number | null;
    design: boolean;
  };
  let queue: Waiting[] = pendingWorkloads(list).map((w) => ({
    name: w.name,
    priority: w.priority,
    since: w.since,
    cq: lqs.get(w.queueName)!,
    podSets: [...w.podSets],
    seconds: w.maxSeconds,
    design: false,
  }));
  queue.push({
    name: 'design',
    priority,
    since: Infinity,
    cq: 'team-a',
    podSets,
    seconds: null,
    design: true,
  });
  queue.sort((a, b) => b.priority - a.priority || a.since - b.since || (a.name < b.name ? -1 : 1));
  const strict = (cq: string) => queueDocsStrategy(strategies, cq) === 'StrictFIFO';
  let time = listedAt(list)!;
  const ended: AdmittedWorkload[] = [];
  const ahead: string[] = [];
  for (let moment = 0; ; moment++) {
    const live = () => all.filter((w) => !ended.includes(w));
    /** The assignment if it fits with what runs now, else null. */
    const fit = (w: Waiting) => {
      const queues = withUsage(docs, live());
      if (w.design) {
        const a = admit(w.podSets, queues, lq);
        return a.verdict === 'admitted' ? a.assignment : null;
      }
      const a = assignFlavors(w.podSets, queues.clusterQueues.get(w.cq)!, queues.flavors);
      return a.mode === 'Fit' ? a : null;
    };
    const aside = new Set<Waiting>();
    for (;;) {
      const heads: Waiting[] = [];
      for (const cq of ['team-a', 'team-b']) {
        const mine = queue.filter((w) => w.cq === cq);
        const head = strict(cq)
          ? mine.filter((w) => !aside.has(w))[0]
          : mine.find((w) => !aside.has(w));
        if (head && (!strict(cq) || head === mine[0])) heads.push(head);
      }
      if (!heads.length) break;
      const nominated = heads.map((w) => ({ w, a: fit(w) }));
      nominated.sort(
        (x, y) =>
          (x.a?.borrowing ?? 0) - (y.a?.borrowing ?? 0) ||
          y.w.priority - x.w.priority ||
          x.w.since - y.w.since ||
          (x.w.name < y.w.name ? -1 : 1),
      );
      let moved = false;
      for (const { w, a: first } of nominated) {
        const a = first && fit(w);
        if (a) {
          if (w.design)
            return moment === 0
              ? { kind: 'now' }
              : {
                  kind: 'at',
                  time,
                  after: [...ended]
                    .sort((x, y) => x.end! - y.end! || (x.name < y.name ? -1 : 1))
                    .map((x) => x.name),
                  ahead,
                };
          all.push({
            name: w.name,
            clusterQueue: w.cq,
            usage: a.podSets.flatMap((p) =>
              Object.entries(p.flavors).map(([resource, f]) => ({
                flavor: f.flavor,
                resource,
                amount: p.requests[resource]!,
              })),
            ),
            end: w.seconds === null ? null : time + w.seconds * 1000,
          });
          ahead.push(w.name);
          queue = queue.filter((x) => x !== w);
          moved = true;
        } else if (!first && !strict(w.cq)) {
          aside.add(w);
          moved = true;
        }
      }
      if (!moved) break;
    }
    const next = live().filter((w) => w.end !== null);
    if (!next.length) {
      const head = queue.find((w) => w.cq === 'team-a');
      return {
        kind: 'unknown',
        holding: live().length,
        blockedBy: strict('team-a') && head && !head.design ? head.name : null,
      };
    }
    time = Math.max(time, Math.min(...next.map((w) => w.end!)));
    for (const w of next) if (w.end! <= time) ended.push(w);
  }
}

const queueDocsStrategy = (s: Strategies, cq: string) =>
  typeof s === 'string' ? s : cq === 'team-a' ? s[0] : s[1];

function withUsage(docs: unknown[], running: readonly AdmittedWorkload[]) {
  const queues = readQueues(docs);
  addUsageOf(queues, running);
  return queues;
}
