// The verdict for a design, through the designer's own Kubernetes export read as Kueue reads a
// JobSet: a ClusterQueue with two flavors in a cohort (the contract's example in
// ../shared/domain/kueue.md: 16 A100s nominal, 8 borrowable), designs that fit within nominal
// quota, only by borrowing, wait for quota in use, or can never be admitted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generatedDesign, gpuTrainers, KUEUE_FIXTURES } from '../../fixtures/read.ts';
import { analyze } from '../analyze.ts';
import { exportJobSet } from '../k8s/export.ts';
import { addAdmittedUsage, admit, pickLocalQueue, podSetLimit } from './admission.ts';
import { readQueues } from './queues.ts';
import { podSetsOf } from './workload.ts';

const QUEUES = readFileSync(join(KUEUE_FIXTURES, 'queues.yaml'), 'utf8');

const trainers = gpuTrainers;

/** A Workload admitted in team-b, holding 10 of its A100s. */
const TEAM_B_HOLDS_10 = readFileSync(join(KUEUE_FIXTURES, 'workloads.yaml'), 'utf8');

function verdict(design: string, workloads = '', version?: string) {
  const exported = exportJobSet(analyze(design));
  if (exported.kind !== 'exported') throw new Error(`not exported: ${exported.kind}`);
  const queues = readQueues(parseAllDocuments(QUEUES).map((d) => d.toJS()));
  expect(queues.problems).toEqual([]);
  if (workloads) addAdmittedUsage(queues, [parse(workloads)]);
  const picked = pickLocalQueue(queues, null);
  if (!('queue' in picked)) throw new Error(picked.problem);
  return admit(podSetsOf(parse(exported.yaml)), queues, picked.queue, version);
}

describe('admit', () => {
  it('16 A100s: admitted now, within nominal quota', () => {
    const a = verdict(trainers(2));
    expect(a.verdict).toBe('admitted');
    expect(a.summary).toBe('admitted now in ClusterQueue team-a: trainer on a100');
  });

  it('24 A100s: admitted only by borrowing from the cohort', () => {
    const a = verdict(trainers(3));
    expect(a.verdict).toBe('admitted');
    expect(a.summary).toBe(
      'admitted now in ClusterQueue team-a, borrowing from its cohort: trainer on a100',
    );
  });

  it('24 A100s while team-b holds 10: waits, and says how many are free', () => {
    const a = verdict(trainers(3), TEAM_B_HOLDS_10);
    expect(a.verdict).toBe('waits');
    expect(a.summary).toBe(
      'waits: trainer needs 24 nvidia.com/gpu on flavor a100, 22 free now (at most 24: 16 nominal + 8 borrowable)',
    );
    if (a.verdict === 'too-many-podsets') return;
    expect(a.assignment.message).toBe(
      "couldn't assign flavors to pod set trainer: flavor h100 doesn't match node affinity, insufficient unused quota for nvidia.com/gpu in flavor a100, 2 more needed",
    );
  });

  it('a finished workload keeps its admission but holds no quota', () => {
    const finished = TEAM_B_HOLDS_10.replace('type: Admitted', 'type: Finished');
    expect(finished).toContain('Finished');
    expect(verdict(trainers(3), finished).verdict).toBe('admitted');
  });

  it('32 A100s: never, more than the queue could ever borrow', () => {
    const a = verdict(trainers(4));
    expect(a.verdict).toBe('never');
    expect(a.summary).toBe(
      'never with this configuration: trainer needs 32 nvidia.com/gpu on flavor a100, at most 24 ever: 16 nominal + 8 borrowable',
    );
    if (a.verdict === 'too-many-podsets') return;
    expect(a.assignment.noFitReason).toBe('ExceedsMaxQuota');
  });

  it('more groups than PodSets a Workload may have: 19 for Kueue v0.19, 9 for v0.17', () => {
    const many = verdict(generatedDesign(19, 1, 1, 1));
    expect(many.verdict).toBe('too-many-podsets');
    expect(verdict(generatedDesign(18, 1, 1, 1)).verdict).not.toBe('too-many-podsets');
    const old = verdict(generatedDesign(9, 1, 1, 1), '', 'v0.17.3');
    expect(old.verdict).toBe('too-many-podsets');
    expect(old.summary).toContain('Kueue v0.17.3 takes at most 8 per Workload');
  });
});

describe('podSetLimit (kueue jobframework MaxPodSets, by version)', () => {
  it.each([
    ['v0.9.0', 8],
    ['v0.17.8', 8],
    ['0.18', 10],
    ['v0.18.6', 10],
    ['v0.19.2', 18],
    ['v0.20', 18],
    ['latest', null],
  ] as const)('%s: %s', (v, limit) => expect(podSetLimit(v)).toBe(limit));
});

describe('pickLocalQueue', () => {
  const queues = readQueues(
    parseAllDocuments(
      `${QUEUES}---\nkind: LocalQueue\nmetadata: { name: main, namespace: other }\nspec: { clusterQueue: team-b }\n`,
    ).map((d) => d.toJS()),
  );
  it('asks which when there are several, and finds one by namespace/name', () => {
    expect(pickLocalQueue(queues, null)).toEqual({
      problem: 'the files have 2 LocalQueues (ml/main, other/main): name one',
    });
    expect(pickLocalQueue(queues, 'main')).toEqual({
      problem: '2 LocalQueues are named main (ml/main, other/main): name one as namespace/name',
    });
    expect(pickLocalQueue(queues, 'other/main')).toMatchObject({
      queue: { clusterQueue: 'team-b' },
    });
  });
});
