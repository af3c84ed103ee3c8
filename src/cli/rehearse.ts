/**
 * `jobset-designer rehearse`: every pod of a design as a real local process, started when the
 * designer's schedule says (the core's dispatch: all Jobs together, `parallelisms` pods of a Job
 * at once, the cluster's free capacity when the design sets one), with its six variables, the
 * loopback address and a port each. Faults on demand (staggered starts, delays, kills); each
 * pod's output in `<out>/pods/<pod>.log`; the record in `<out>/rehearsal.json`; planned against
 * actual on stdout. Every process it starts is in a process group of its own, ended when its pod
 * ends, when the rehearsal is stopped (Ctrl+C) or times out, and when this process exits.
 *
 * This file checks what is asked, prepares the run and writes its record; `rehearsal/` runs it:
 * `program.ts` (what each pod runs), `ports.ts`, `pods.ts` (the schedule, the stop), `pod.ts`
 * (one pod's process, its log, its kill), `summary.ts` (each pod's outcome).
 */
import { terminalText } from '../core/safe.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  groupOutcomes,
  RECORD_FORMAT,
  RECORD_VERSION,
  rehearsalPlan,
  reportLines,
  type Analysis,
  type Outcome,
  type PodOutcome,
  type RehearsalPlan,
} from '../core/index.ts';
import { encodeDesign } from '../core/link/codec.ts';
import type { Design } from './inputs.ts';
import type { RehearseIo, RehearseOptions } from './rehearsal/options.ts';
import { runPods } from './rehearsal/pods.ts';
import { freePorts } from './rehearsal/ports.ts';
import { programLauncher } from './rehearsal/program.ts';

export type { RehearseIo, RehearseOptions } from './rehearsal/options.ts';
export { unitRandom } from './rehearsal/pod.ts';

/** The last lines of a pod's log kept in the record, each cut to a length a page shows. */
const TAIL_LINES = 5;
const TAIL_CHARS = 200;

function tailOf(log: string): string[] {
  return log
    .trimEnd()
    .split(/\r?\n/)
    .slice(-TAIL_LINES)
    .filter((l) => l.trim() !== '')
    .map((l) => (l.length > TAIL_CHARS ? `${l.slice(0, TAIL_CHARS - 3)}...` : l));
}

export async function rehearse(
  design: Design,
  analysis: Analysis,
  o: RehearseOptions,
  io: RehearseIo,
): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`${terminalText(`jobset-designer: ${message}`)}\n`);
    return 2;
  };
  for (const f of analysis.findings.filter((x) => x.code === 'sweep-does-not-fit')) {
    io.stderr.write(`${terminalText(`${design.name}: warning: ${f.message}`)}\n`);
  }
  const planned = rehearsalPlan(analysis, design.settings, o.secondsPerHour, o.maxPods);
  if (!planned.ok) return fail(`cannot rehearse ${design.name}: ${planned.reason}`);
  const plan = planned.plan;
  const wrong = wrongFaultsOrPort(design, plan, o);
  if (wrong !== null) return fail(wrong);
  const out = resolve(io.dir, o.out);
  const launch = await programLauncher(design, analysis, o, io.dir, out);
  if (typeof launch === 'string') return fail(launch);
  let basePort: number;
  try {
    basePort = o.port ?? (await freePorts(plan.pods.length));
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  await mkdir(join(out, 'pods'), { recursive: true });
  const link = await encodeDesign({ text: design.text, settings: design.settings });
  const startedAt = new Date().toISOString();
  const run = await runPods(plan, o, io, launch, out, basePort);
  const pods = await withTails(out, run.pods);
  const record = rehearsalRecord(analysis, o, plan, { link, startedAt, basePort }, run, pods);
  await writeFile(join(out, 'rehearsal.json'), JSON.stringify(record, null, 2) + '\n');
  io.stdout.write(reportLines(record).map(terminalText).join('\n') + '\n');
  io.stderr.write(
    `${terminalText(`${design.name}: rehearsal record in ${join(out, 'rehearsal.json')}`)}\n`,
  );
  return exitCodeOf(run.outcome);
}

/** Why the faults (`--delay`, `--kill`) or `--port` do not fit the plan's pods; null when they do. */
function wrongFaultsOrPort(design: Design, plan: RehearsalPlan, o: RehearseOptions): string | null {
  const names = new Set(plan.pods.map((p) => p.name));
  for (const pod of [...o.delays.keys(), ...o.kills.keys()]) {
    if (!names.has(pod)) {
      const some = plan.pods.slice(0, 4).map((p) => p.name);
      return `no pod named "${pod}" in ${design.name} (pods: ${some.join(', ')}, ...)`;
    }
  }
  if (o.port !== null && o.port + plan.pods.length - 1 > 65_535) {
    return `--port ${o.port} leaves no room for ${plan.pods.length} ports (the last is 65535)`;
  }
  return null;
}

/** Each pod's outcome with the last lines of its log. */
function withTails(out: string, pods: readonly Omit<PodOutcome, 'tail'>[]): Promise<PodOutcome[]> {
  return Promise.all(
    pods.map(async (p) => ({
      ...p,
      tail: tailOf(await readFile(join(out, p.log), 'utf8').catch(() => '')),
    })),
  );
}

/** The rehearsal record (`rehearsal.json`): the design, the options, planned against actual. */
function rehearsalRecord(
  analysis: Analysis,
  o: RehearseOptions,
  plan: RehearsalPlan,
  started: { readonly link: string | null; readonly startedAt: string; readonly basePort: number },
  run: { readonly outcome: Outcome },
  pods: PodOutcome[],
) {
  const ends = pods.map((p) => p.actual?.end ?? null);
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    design: { name: analysis.view?.name || null, link: started.link, pods: pods.length },
    options: {
      program: o.command !== null ? 'command' : o.programDir !== null ? 'folder' : 'generated',
      secondsPerHour: o.secondsPerHour,
      stagger: o.stagger,
      seed: o.seed,
      deadline: o.deadline,
      timeout: o.timeout,
      basePort: started.basePort,
      capacity: plan.capacity !== null,
    },
    startedAt: started.startedAt,
    outcome: run.outcome,
    planned: { makespan: plan.makespan },
    actual: {
      makespan:
        run.outcome === 'succeeded' || run.outcome === 'failed'
          ? ends.every((e) => e !== null)
            ? Math.max(0, ...(ends as number[]))
            : null
          : null,
    },
    groups: groupOutcomes(pods),
    pods,
  } as const;
}

/** 0 every pod succeeded, 1 some failed or the rehearsal timed out, 130 stopped (Ctrl+C). */
function exitCodeOf(outcome: Outcome): number {
  switch (outcome) {
    case 'succeeded':
      return 0;
    case 'failed':
    case 'timed-out':
      return 1;
    case 'interrupted':
      return 130;
  }
}
