/**
 * The rehearsal record (`rehearsal.json`): what was planned and what happened to every pod, in
 * seconds from the rehearsal's start, and the words the CLI prints about it. Its format is in
 * the README ("Rehearse a design"); `version` changes when a field changes meaning.
 */
export const RECORD_FORMAT = 'jobset-designer/rehearsal';
export const RECORD_VERSION = 1;

/** Seconds from the rehearsal's start. */
export interface Span {
  readonly start: number;
  /** Null when it never ends (a synchronous group that never gets all its pods up). */
  readonly end: number | null;
}

export type PodStatus =
  /** Exit code 0. */
  | 'succeeded'
  /** A non-zero exit code, or ended by a signal. */
  | 'failed'
  /** Never started: the rehearsal ended first, or the cluster never had room. */
  | 'not-started';

export interface PodOutcome {
  readonly name: string;
  readonly group: string;
  readonly jobIndex: number;
  readonly podIndex: number;
  readonly planned: Span | null;
  /** When its process started and ended; null when it never started (end null: never ended). */
  readonly actual: Span | null;
  /** When its first line of output came, for the overhead of a start. */
  readonly firstOutput: number | null;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly status: PodStatus;
  /** Faults asked for: a delay before its start, a kill this long after it. */
  readonly delay: number;
  readonly killAfter: number | null;
  /** Its output, relative to the record's folder. */
  readonly log: string;
  /** Why it failed or never started, in words (null when it succeeded). */
  readonly reason: string | null;
  /** The last lines of its log (at most 5, each at most 200 characters). */
  readonly tail: readonly string[];
}

export type Outcome = 'succeeded' | 'failed' | 'interrupted' | 'timed-out';

export interface GroupOutcome {
  readonly name: string;
  readonly pods: number;
  readonly failed: number;
  readonly notStarted: number;
  /** First start and last end, planned and actual (end null: some pod never ends). */
  readonly planned: Span | null;
  readonly actual: Span | null;
}

export interface RehearsalRecord {
  readonly format: typeof RECORD_FORMAT;
  readonly version: typeof RECORD_VERSION;
  readonly design: {
    readonly name: string | null;
    /** The design link's fragment (`v2.…`): the design and its settings, to reopen it. */
    readonly link: string | null;
    readonly pods: number;
  };
  readonly options: {
    readonly program: 'generated' | 'folder' | 'command';
    readonly secondsPerHour: number;
    readonly stagger: number;
    readonly seed: number;
    readonly deadline: number | null;
    readonly timeout: number | null;
    readonly basePort: number;
    /** The free capacity the dispatch honoured, when the design sets one. */
    readonly capacity: boolean;
  };
  readonly startedAt: string;
  readonly outcome: Outcome;
  readonly planned: { readonly makespan: number | null };
  readonly actual: { readonly makespan: number | null };
  readonly groups: readonly GroupOutcome[];
  readonly pods: readonly PodOutcome[];
}

/** What a design link keeps of its rehearsal: a reference, never the pods or their logs. */
export interface RehearsalRef {
  readonly startedAt: string;
  readonly outcome: Outcome;
  readonly pods: number;
  readonly failed: number;
}

export function refOf(r: RehearsalRecord): RehearsalRef {
  return {
    startedAt: r.startedAt,
    outcome: r.outcome,
    pods: r.pods.length,
    failed: r.pods.filter((p) => p.status === 'failed').length,
  };
}

/** The same rehearsal, by its reference. */
export function sameRef(a: RehearsalRef, b: RehearsalRef): boolean {
  return (
    a.startedAt === b.startedAt &&
    a.outcome === b.outcome &&
    a.pods === b.pods &&
    a.failed === b.failed
  );
}

/** Per group, in the pods' order: counts and the first start and last end of each run. */
export function groupOutcomes(pods: readonly PodOutcome[]): GroupOutcome[] {
  const by = new Map<string, PodOutcome[]>();
  for (const p of pods) {
    const list = by.get(p.group);
    if (list) list.push(p);
    else by.set(p.group, [p]);
  }
  return [...by].map(([name, ps]) => ({
    name,
    pods: ps.length,
    failed: ps.filter((p) => p.status === 'failed').length,
    notStarted: ps.filter((p) => p.status === 'not-started').length,
    planned: extent(ps.map((p) => p.planned)),
    actual: extent(ps.map((p) => p.actual)),
  }));
}

/** The first start and the last end of some spans; end null when one never ends or never starts. */
export function extent(spans: readonly (Span | null)[]): Span | null {
  let start = Infinity;
  let end = -Infinity;
  let never = false;
  for (const s of spans) {
    if (s === null) {
      never = true;
      continue;
    }
    start = Math.min(start, s.start);
    if (s.end === null) never = true;
    else end = Math.max(end, s.end);
  }
  if (start === Infinity) return null;
  return { start, end: never ? null : end };
}

const BAR = 40;

/** What the CLI prints at the end: planned vs actual per group on one time scale, then failures. */
export function reportLines(r: RehearsalRecord): string[] {
  const ends = [r.planned.makespan, r.actual.makespan, ...r.groups.map((g) => g.actual?.start)];
  const scale = Math.max(0.001, ...ends.filter((x): x is number => typeof x === 'number'));
  const width = Math.max(5, ...r.groups.map((g) => g.name.length));
  const succeeded = r.pods.filter((p) => p.status === 'succeeded').length;
  const lines = [
    `Rehearsal ${r.outcome}: ${succeeded} of ${r.pods.length} pods succeeded` +
      `; makespan planned ${secs(r.planned.makespan)}, actual ${secs(r.actual.makespan)}` +
      (r.planned.makespan && r.actual.makespan
        ? ` (x${(r.actual.makespan / r.planned.makespan).toFixed(2)})`
        : ''),
    `${'group'.padEnd(width)}  ${'run'.padEnd(6)} ${'start'.padStart(7)} - ${'end'.padStart(7)}  ${axis(scale)}`,
  ];
  for (const g of r.groups) {
    const extra = [
      g.failed ? `${g.failed} failed` : '',
      g.notStarted ? `${g.notStarted} not started` : '',
    ].filter(Boolean);
    lines.push(
      `${g.name.padEnd(width)}  ${'plan'.padEnd(6)} ${span(g.planned)}  ${bar(g.planned, scale)}`,
      `${' '.repeat(width)}  ${'actual'.padEnd(6)} ${span(g.actual)}  ${bar(g.actual, scale)}${extra.length ? `  ${extra.join(', ')}` : ''}`,
    );
  }
  for (const p of r.pods) {
    if (p.status !== 'failed') continue;
    lines.push(`FAILED ${p.name}: ${p.reason ?? 'failed'} (log: ${p.log})`);
    for (const l of p.tail) lines.push(`  | ${l}`);
  }
  const waiting = r.pods.filter((p) => p.status === 'not-started');
  if (waiting.length) {
    const names = waiting.slice(0, 8).map((p) => p.name);
    lines.push(
      `NOT STARTED ${waiting.length} pod(s): ${names.join(', ')}${waiting.length > 8 ? ', ...' : ''} (${waiting[0]!.reason ?? 'not started'})`,
    );
  }
  return lines;
}

function secs(x: number | null | undefined): string {
  return x === null || x === undefined ? 'never' : `${x.toFixed(1)}s`;
}

function span(s: Span | null): string {
  if (!s) return `${'-'.padStart(7)} - ${'-'.padStart(7)}`;
  return `${secs(s.start).padStart(7)} - ${secs(s.end).padStart(7)}`;
}

/** The scale above the bars: 0 at the left edge, the longest run at the right. */
function axis(scale: number): string {
  const label = secs(scale);
  return `|0${' '.repeat(Math.max(0, BAR - 1 - label.length))}${label}|`;
}

function bar(s: Span | null, scale: number): string {
  if (!s) return `|${' '.repeat(BAR)}|`;
  const at = (t: number) => Math.min(BAR, Math.max(0, Math.round((t / scale) * BAR)));
  const a = at(s.start);
  const b = s.end === null ? BAR : Math.max(a + 1, at(s.end));
  const fill = (s.end === null ? '>' : '=').repeat(Math.min(BAR, b) - a);
  return `|${' '.repeat(a)}${fill}${' '.repeat(Math.max(0, BAR - a - fill.length))}|`;
}
