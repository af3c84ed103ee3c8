/**
 * Reading a rehearsal record someone opens, drops or pastes, or that a saved design or a link
 * brings back: untrusted data, so every field is checked and anything else is refused with the
 * first reason. A record is only ever what `jobset-designer rehearse` writes (README,
 * "Rehearse a design"); nothing in it is run or rendered as markup.
 */
import {
  RECORD_FORMAT,
  RECORD_VERSION,
  type GroupOutcome,
  type Outcome,
  type PodOutcome,
  type PodStatus,
  type RehearsalRecord,
  type RehearsalRef,
  type Span,
} from './record.ts';

export type ReadRecord =
  | { readonly ok: true; readonly record: RehearsalRecord }
  | { readonly ok: false; readonly reason: string };

/** The most pods a record may hold (a rehearsal starts at most 100,000 with --max-pods). */
const MAX_PODS = 100_000;
const MAX_TEXT = 2_000;
const OUTCOMES: readonly Outcome[] = ['succeeded', 'failed', 'interrupted', 'timed-out'];
const STATUSES: readonly PodStatus[] = ['succeeded', 'failed', 'not-started'];
const PROGRAMS = ['generated', 'folder', 'command'] as const;
const POD_NAME = /^[a-z][a-z0-9-]*-\d+-\d+$/;
/** Bounds a rehearsal stays within: a pod's seconds per hour, and any time in seconds (115 days). */
const MIN_PER_HOUR = 0.001;
const MAX_PER_HOUR = 1_000_000;
const MAX_SECONDS = 10_000_000;

class Bad extends Error {}

/** True when the data says it is a rehearsal record (of any version): it is then read as one. */
export function isRecord(data: unknown): boolean {
  return isObject(data) && data.format === RECORD_FORMAT;
}

export function readRecord(data: unknown): ReadRecord {
  try {
    return { ok: true, record: record(data) };
  } catch (err) {
    if (err instanceof Bad) return { ok: false, reason: err.message };
    throw err;
  }
}

/** A link's reference to its rehearsal, or null when it is not a well-formed one. */
export function readRef(data: unknown): RehearsalRef | null {
  try {
    const o = obj(data, 'the reference');
    const ref = {
      startedAt: text(o.startedAt, 'startedAt'),
      outcome: oneOf(o.outcome, OUTCOMES, 'outcome'),
      pods: count(o.pods, 'pods'),
      failed: count(o.failed, 'failed'),
    };
    return ref.failed <= ref.pods ? ref : null;
  } catch (err) {
    if (err instanceof Bad) return null;
    throw err;
  }
}

function record(data: unknown): RehearsalRecord {
  const o = obj(data, 'the file');
  if (o.format !== RECORD_FORMAT)
    throw new Bad(`it is not a rehearsal record (no "format": "${RECORD_FORMAT}")`);
  if (o.version !== RECORD_VERSION) {
    throw new Bad(
      `it is a rehearsal record of version ${JSON.stringify(o.version)}; this designer reads version ${RECORD_VERSION}`,
    );
  }
  const design = obj(o.design, 'design');
  const options = obj(o.options, 'options');
  const rawPods = list(o.pods, 'pods', MAX_PODS);
  if (rawPods.length === 0) throw new Bad('pods: the record holds no pod');
  const pods = rawPods.map((p, i) => pod(p, `pods[${i}]`));
  const names = new Set(pods.map((p) => p.name));
  if (names.size !== pods.length) throw new Bad('pods: a pod is listed twice');
  const groups = list(o.groups, 'groups', MAX_PODS).map((g, i) => group(g, `groups[${i}]`));
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    design: {
      name: design.name === null ? null : text(design.name, 'design.name'),
      link: design.link === null ? null : link(design.link),
      pods: count(design.pods, 'design.pods'),
    },
    options: {
      program: oneOf(options.program, PROGRAMS, 'options.program'),
      secondsPerHour: perHour(options.secondsPerHour),
      stagger: seconds(options.stagger, 'options.stagger'),
      seed: count(options.seed, 'options.seed'),
      deadline: options.deadline === null ? null : seconds(options.deadline, 'options.deadline'),
      timeout: options.timeout === null ? null : seconds(options.timeout, 'options.timeout'),
      basePort: count(options.basePort, 'options.basePort'),
      capacity: bool(options.capacity, 'options.capacity'),
    },
    startedAt: text(o.startedAt, 'startedAt'),
    outcome: oneOf(o.outcome, OUTCOMES, 'outcome'),
    planned: { makespan: maybe(obj(o.planned, 'planned').makespan, 'planned.makespan') },
    actual: { makespan: maybe(obj(o.actual, 'actual').makespan, 'actual.makespan') },
    groups,
    pods,
  };
}

function pod(data: unknown, at: string): PodOutcome {
  const o = obj(data, at);
  const name = text(o.name, `${at}.name`);
  if (!POD_NAME.test(name)) throw new Bad(`${at}.name: "${name.slice(0, 60)}" is not a pod name`);
  const group = text(o.group, `${at}.group`);
  const jobIndex = count(o.jobIndex, `${at}.jobIndex`);
  const podIndex = count(o.podIndex, `${at}.podIndex`);
  if (name !== `${group}-${jobIndex}-${podIndex}`) {
    throw new Bad(
      `${at}.name: "${name}" is not pod ${podIndex} of Job ${jobIndex} of "${group.slice(0, 60)}"`,
    );
  }
  const tail = list(o.tail, `${at}.tail`, 5).map((l, i) => text(l, `${at}.tail[${i}]`));
  return {
    name,
    group,
    jobIndex,
    podIndex,
    planned: span(o.planned, `${at}.planned`),
    actual: span(o.actual, `${at}.actual`),
    firstOutput: maybe(o.firstOutput, `${at}.firstOutput`),
    exitCode: o.exitCode === null ? null : integer(o.exitCode, `${at}.exitCode`),
    signal: o.signal === null ? null : text(o.signal, `${at}.signal`),
    status: oneOf(o.status, STATUSES, `${at}.status`),
    delay: seconds(o.delay, `${at}.delay`),
    killAfter: o.killAfter === null ? null : seconds(o.killAfter, `${at}.killAfter`),
    log: text(o.log, `${at}.log`),
    reason: o.reason === null ? null : text(o.reason, `${at}.reason`),
    tail,
  };
}

function group(data: unknown, at: string): GroupOutcome {
  const o = obj(data, at);
  return {
    name: text(o.name, `${at}.name`),
    pods: count(o.pods, `${at}.pods`),
    failed: count(o.failed, `${at}.failed`),
    notStarted: count(o.notStarted, `${at}.notStarted`),
    planned: span(o.planned, `${at}.planned`),
    actual: span(o.actual, `${at}.actual`),
  };
}

function span(v: unknown, at: string): Span | null {
  if (v === null) return null;
  const o = obj(v, at);
  const start = seconds(o.start, `${at}.start`);
  const end = o.end === null ? null : seconds(o.end, `${at}.end`);
  if (end !== null && end < start) throw new Bad(`${at}: it ends before it starts`);
  return { start, end };
}

function link(v: unknown): string {
  if (typeof v !== 'string') throw new Bad('design.link: a string was expected');
  // A design link is as long as its design (a link is at most 4,000,000 characters).
  if (v.length > 4_000_000) throw new Bad('design.link: longer than a design link can be');
  const s = v;
  if (!/^v\d+\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?$/.test(s)) {
    throw new Bad('design.link: it is not a design link');
  }
  return s;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, at: string): Json {
  if (!isObject(v)) throw new Bad(`${at}: an object was expected`);
  return v;
}

function list(v: unknown, at: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new Bad(`${at}: a list was expected`);
  if (v.length > max) throw new Bad(`${at}: more than ${max} entries`);
  return v;
}

function text(v: unknown, at: string): string {
  if (typeof v !== 'string') throw new Bad(`${at}: a string was expected`);
  // A record's strings name pods, dates and reasons: the data of a design, never a document.
  if (v.length > MAX_TEXT) throw new Bad(`${at}: longer than a record writes`);
  return v;
}

function bool(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') throw new Bad(`${at}: true or false was expected`);
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], at: string): T {
  if (!allowed.includes(v as T)) throw new Bad(`${at}: one of ${allowed.join(', ')} was expected`);
  return v as T;
}

function seconds(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_SECONDS)
    throw new Bad(`${at}: a number of seconds from 0 to ${MAX_SECONDS} was expected`);
  return v;
}

function perHour(v: unknown): number {
  if (typeof v !== 'number' || !(v >= MIN_PER_HOUR && v <= MAX_PER_HOUR)) {
    throw new Bad(
      `options.secondsPerHour: a number from ${MIN_PER_HOUR} to ${MAX_PER_HOUR} was expected`,
    );
  }
  return v;
}

function maybe(v: unknown, at: string): number | null {
  return v === null ? null : seconds(v, at);
}

function integer(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v))
    throw new Bad(`${at}: a whole number was expected`);
  return v;
}

function count(v: unknown, at: string): number {
  const n = integer(v, at);
  if (n < 0) throw new Bad(`${at}: a whole number (0 or more) was expected`);
  return n;
}
