/**
 * Permalinks: a design (its YAML text exactly as typed, and its settings) in a URL fragment.
 * Format: `v2.` + base64url(deflate-raw(JSON)) + `.` + base64url(CRC-32 of those bytes), so that a
 * link with one character changed is refused as damaged rather than opened as another design,
 * and a link cut short is told apart from a damaged one. `v1.` links (no check) still open. Decoding never trusts its input: a fragment that
 * is too long, not base64url, truncated, of an unknown version, inflating past a limit (a
 * compression bomb) or not a design is refused with a reason, and nothing else happens.
 */
import { readRecord, readRef } from '../record/read.ts';
import type { DesignSettings, KueueSetting, Rehearsal } from '../settings.ts';
import { readSweep, type Sweep } from '../sweep/sweep.ts';
import { putOwn } from '../own.ts';

/**
 * The web-standard APIs the codec needs, alike in browsers, workers and Node (18 on): the core's
 * types have no DOM, so they are named here, as narrowly as the codec uses them.
 */
interface ByteStream {
  readonly writable: {
    getWriter(): { write(b: Uint8Array): Promise<void>; close(): Promise<void> };
  };
  readonly readable: {
    getReader(): {
      read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
      cancel(): Promise<void>;
    };
  };
}
interface WebPlatform {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label: string, o: { fatal: boolean }) => { decode(b: Uint8Array): string };
  CompressionStream: new (format: 'deflate-raw') => ByteStream;
  DecompressionStream: new (format: 'deflate-raw') => ByteStream;
  btoa(s: string): string;
  atob(s: string): string;
}
const { TextEncoder, TextDecoder, CompressionStream, DecompressionStream, btoa, atob } =
  globalThis as unknown as WebPlatform;

export const LINK_VERSION = 'v2';
/** Versions this designer opens. */
const READS = ['v1', 'v2'];
/** base64url of the 4 bytes of a CRC-32. */
const CHECK_CHARS = 6;
/** Longest fragment accepted (browsers keep far longer URLs, but no design needs this). */
export const MAX_FRAGMENT_CHARS = 4_000_000;
/**
 * Largest inflated design accepted. A design the editor takes (2,000,000 characters) is at most
 * 6 bytes a character as escaped JSON in UTF-8; anything beyond is not a design but a bomb.
 */
export const MAX_INFLATED_BYTES = 12_500_000;
/** The Kueue queues' text a link or a save keeps: a large cluster's objects, not a dump of all. */
export const MAX_QUEUES_CHARS = 1_000_000;

export interface SharedDesign {
  readonly text: string;
  readonly settings: DesignSettings;
  /** A comparison open with it: the other design, and which side the design is on. */
  readonly compare?: {
    readonly text: string;
    readonly settings: DesignSettings;
    readonly label: string;
    readonly currentFirst: boolean;
  };
}

export type Decoded =
  | { readonly ok: true; readonly design: SharedDesign }
  | {
      readonly ok: false;
      /** The whole sentence the designer shows. */
      readonly reason: string;
      /** Just why, for other readers of links (the command line). */
      readonly cause: string;
    };

/**
 * The design part of what a person pastes: after `#` in an address (nothing when there is no
 * `#`), or the fragment itself.
 */
export function fragmentOf(link: string): string {
  const text = link.trim();
  const hash = text.indexOf('#');
  if (hash >= 0) return text.slice(hash + 1);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? '' : text;
}

/** The link for a design, or null when it is too large to be opened again from a link. */
export async function encodeDesign(design: SharedDesign): Promise<string | null> {
  const c = design.compare;
  const payload = {
    t: design.text,
    s: withoutRecord(design.settings),
    ...(c ? { c: { t: c.text, s: withoutRecord(c.settings), l: c.label, f: c.currentFirst } } : {}),
  };
  const json = new TextEncoder().encode(JSON.stringify(payload));
  if (json.length > MAX_INFLATED_BYTES) return null;
  const bytes = await pipe(json, new CompressionStream('deflate-raw'));
  return `${LINK_VERSION}.${toBase64Url(bytes)}.${checkOf(bytes)}`;
}

/**
 * The settings as a link (or a draft) holds them: a rehearsal only as its reference, never its
 * pods or logs.
 */
export function withoutRecord(settings: DesignSettings): DesignSettings {
  const r = settings.rehearsal;
  return r ? { ...settings, rehearsal: { ref: r.ref, record: null } } : settings;
}

export async function decodeDesign(fragment: string): Promise<Decoded> {
  const f = fragment.replace(/^#/, '');
  if (f.length > MAX_FRAGMENT_CHARS) return fail('the link is too long to be a design');
  const dot = f.indexOf('.');
  const version = dot < 0 ? '' : f.slice(0, dot);
  if (!READS.includes(version)) {
    const n = /^v(\d+)$/.exec(version)?.[1];
    return fail(
      n !== undefined && Number(n) > READS.length
        ? `the link was made by a newer version of the designer (${version}); this one opens ${READS.join(' and ')} links`
        : `the link does not hold a design (a design link starts with ${READS.map((v) => `${v}.`).join(' or ')})`,
    );
  }
  let body = f.slice(dot + 1);
  if (version === 'v2') {
    const last = body.lastIndexOf('.');
    const check = last < 0 ? '' : body.slice(last + 1);
    if (last < 0 || check.length < CHECK_CHARS) {
      return fail('the link is cut short (its end is missing): copy the whole link again');
    }
    body = body.slice(0, last);
    const bytes = fromBase64Url(body);
    if (!bytes || !/^[A-Za-z0-9_-]+$/.test(check)) {
      return fail('the link is damaged (it has characters a design link never has)');
    }
    if (check !== checkOf(bytes)) {
      return fail('the link is damaged (some of its characters were changed): copy it again');
    }
  }
  const bytes = fromBase64Url(body);
  if (!bytes) return fail('the link is damaged (it has characters a design link never has)');
  let inflated: Uint8Array;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES);
  } catch (err) {
    return fail(
      err instanceof TooLarge
        ? 'the link unpacks to more than a design can be (it may be a compression bomb)'
        : 'the link is damaged or cut short (it does not unpack)',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail('the link is damaged (its content is not a design)');
  }
  const p = parsed as { t?: unknown; s?: unknown; c?: unknown };
  if (typeof p !== 'object' || p === null || typeof p.t !== 'string') {
    return fail('the link does not hold a design');
  }
  const c = p.c as { t?: unknown; s?: unknown; l?: unknown; f?: unknown } | null | undefined;
  const compare =
    c && typeof c === 'object' && typeof c.t === 'string'
      ? {
          text: c.t,
          settings: sanitizeSettings(c.s),
          label: typeof c.l === 'string' ? c.l.slice(0, 200) : 'The other design',
          currentFirst: c.f !== false,
        }
      : undefined;
  return {
    ok: true,
    design: { text: p.t, settings: sanitizeSettings(p.s), ...(compare ? { compare } : {}) },
  };
}

const fail = (cause: string): Decoded => ({
  ok: false,
  reason: `This link cannot be opened: ${cause}. Your current design is unchanged.`,
  cause,
});

/** Keeps only well-formed settings: a link is untrusted input. */
export function sanitizeSettings(raw: unknown): DesignSettings {
  const o = (raw ?? {}) as Record<string, unknown>;
  const numbers = (v: unknown): Record<string, number> | undefined => {
    if (typeof v !== 'object' || v === null) return undefined;
    const out: Record<string, number> = {};
    for (const [k, x] of Object.entries(v))
      if (typeof x === 'number' && Number.isFinite(x) && x >= 0) putOwn(out, k, x);
    return out;
  };
  const num = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
  const settings: { -readonly [K in keyof DesignSettings]: DesignSettings[K] } = {};
  const durations = numbers(o.durations);
  if (durations) settings.durations = durations;
  if (Array.isArray(o.synchronous))
    settings.synchronous = o.synchronous.filter((x): x is string => typeof x === 'string');
  if (typeof o.sweeps === 'object' && o.sweeps !== null) {
    const sweeps: Record<string, Sweep> = {};
    for (const [group, raw] of Object.entries(o.sweeps)) {
      const sweep = readSweep(raw);
      if (sweep) putOwn(sweeps, group, sweep);
    }
    settings.sweeps = sweeps;
  }
  if (typeof o.jobsetName === 'string' && o.jobsetName.length <= 253)
    settings.jobsetName = o.jobsetName;
  const rehearsal = readRehearsal(o.rehearsal);
  if (rehearsal) settings.rehearsal = rehearsal;
  const p = o.prices as Record<string, unknown> | undefined;
  if (p && num(p.cpuHour) !== undefined && num(p.gbHour) !== undefined) {
    settings.prices = {
      cpuHour: num(p.cpuHour)!,
      gbHour: num(p.gbHour)!,
      gpuHour: numbers(p.gpuHour) ?? {},
    };
  }
  const kueue = readKueue(o.kueue);
  if (kueue) settings.kueue = kueue;
  const c = o.capacity as Record<string, unknown> | null | undefined;
  if (c && typeof c === 'object') {
    const cap: { cpus?: number; ramGB?: number; gpus?: Record<string, number> } = {};
    if (num(c.cpus) !== undefined) cap.cpus = num(c.cpus)!;
    if (num(c.ramGB) !== undefined) cap.ramGB = num(c.ramGB)!;
    const gpus = numbers(c.gpus);
    // No valid entry at all: leave GPUs unlimited rather than "none free of any product".
    if (gpus && Object.keys(gpus).length) cap.gpus = gpus;
    settings.capacity = cap;
  }
  return settings;
}

/** The Kueue setting: three strings, the queues' text within the input limit. */
function readKueue(raw: unknown): KueueSetting | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const text = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : null);
  const queues = text(o.queues, MAX_QUEUES_CHARS);
  if (queues === null) return null;
  return {
    queues,
    localQueue: text(o.localQueue, 317) ?? '',
    version: text(o.version, 32) ?? '',
    ...(text(o.priorityClass, 253) && { priorityClass: text(o.priorityClass, 253)! }),
    ...(text(o.workloads, MAX_QUEUES_CHARS) && { workloads: text(o.workloads, MAX_QUEUES_CHARS)! }),
  };
}

/** A rehearsal setting: its reference, and the record when one is there (saved designs). */
function readRehearsal(raw: unknown): Rehearsal | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const ref = readRef(o.ref);
  if (!ref) return null;
  const record = o.record === null || o.record === undefined ? null : readRecord(o.record);
  return { ref, record: record?.ok ? record.record : null };
}

class TooLarge extends Error {}

/** Runs bytes through a (de)compression stream, refusing output beyond `limit` bytes. */
async function pipe(input: Uint8Array, stream: ByteStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  writer.write(input).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The CRC-32 (IEEE) of the bytes, as base64url: a link's check. */
function checkOf(bytes: Uint8Array): string {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  c = (c ^ 0xffffffff) >>> 0;
  return toBase64Url(new Uint8Array([c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff]));
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(
      s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4),
    );
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
