/**
 * The fuzz loop: mutated manifests through the two ways users reach the core, the app's worker
 * (in a Node worker thread, answers crossing a thread boundary) and the CLI (`validate - --json`,
 * bytes on standard input). For every input it checks that nothing crashed (no internal-error
 * diagnostic, no worker error), nothing hung, each answer came in under a second, both answers
 * are the same, and no library warning reached the console. The other surfaces take their turn
 * (surfaces.ts); the manifest's own checks are in manifestCheck.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreThread } from './coreThread.ts';
import {
  Tally,
  type FindingKind,
  type FuzzContext,
  type FuzzReport,
  type Source,
} from './fuzzRun.ts';
import { checkManifest } from './manifestCheck.ts';
import { random } from './mutate.ts';
import { PythonOracle } from './python.ts';
import { checkSurface, SURFACES, type Surface, type SurfaceResult } from './surfaces.ts';

export type { Finding, FindingKind, FuzzReport, Source } from './fuzzRun.ts';

export interface FuzzOptions {
  readonly seed: number;
  readonly count: number;
  readonly sources: readonly Source[];
  /** An answer later than this is a hang: the worker is restarted. */
  readonly hangMs?: number;
  /** An answer later than this is too slow. */
  readonly slowMs?: number;
  readonly onProgress?: (done: number, report: FuzzReport) => void;
  /** The surfaces taken in turn, one per input (default: all of them). */
  readonly surfaces?: readonly ('manifest' | Surface)[];
}

/** Catches console and process warnings into `warnings`; returns what puts them back. */
function catchWarnings(warnings: string[]): () => void {
  const original = { warn: console.warn, emitWarning: process.emitWarning };
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  process.emitWarning = ((w: string | Error) =>
    warnings.push(String(w))) as typeof process.emitWarning;
  return () => {
    console.warn = original.warn;
    process.emitWarning = original.emitWarning;
  };
}

/** One input of another surface through its oracle: a wrong or slow answer is a finding. */
async function checkOtherSurface(ctx: FuzzContext, i: number, surface: Surface): Promise<void> {
  const t0 = performance.now();
  let result: SurfaceResult;
  try {
    const { rng, dir, python, texts } = ctx;
    result = await checkSurface(surface, { rng, dir, python, sources: texts });
  } catch (err) {
    result = {
      problem: `threw: ${err instanceof Error ? err.stack : String(err)}`,
      input: '',
    };
  }
  const ms = performance.now() - t0;
  const found = (kind: FindingKind, detail: string) =>
    ctx.tally.findings.push({
      kind,
      input: i,
      source: surface,
      detail,
      bytes: new TextEncoder().encode(result.input),
    });
  if (result.problem) found('wrong', result.problem);
  if (ms > ctx.slowMs) found('slow', `the ${surface} check took ${Math.round(ms)} ms`);
  ctx.tally.checked++;
  for (const text of ctx.warnings.splice(0)) found('warning', text);
}

/** The worker's warnings still on their way, reported against the last input. */
async function reportLateWarnings({ thread, tally }: FuzzContext, count: number) {
  // A warning the worker printed for the last inputs arrives after their answers.
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const text of thread.warnings.splice(0)) {
    tally.findings.push({
      kind: 'warning',
      input: count - 1,
      source: '',
      detail: text,
      bytes: new Uint8Array(),
    });
  }
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, count, sources, hangMs = 10_000, slowMs = 1000 } = options;
  const surfaces = options.surfaces ?? (['manifest', ...SURFACES] as const);
  const rng = random(seed);
  const thread = new CoreThread();
  const python = new PythonOracle();
  const dir = mkdtempSync(join(tmpdir(), 'jobset-fuzz-'));
  const tally = new Tally();
  const texts = sources.map((s) => s.text);
  const warnings: string[] = [];
  const ctx: FuzzContext = {
    rng,
    thread,
    python,
    dir,
    sources,
    texts,
    hangMs,
    slowMs,
    warnings,
    tally,
  };
  // Library warnings in this thread (the CLI's): caught, reported, never printed.
  const restoreWarnings = catchWarnings(warnings);

  try {
    for (let i = 0; i < count; i++) {
      const surface = surfaces[i % surfaces.length]!;
      tally.bySurface[surface] = (tally.bySurface[surface] ?? 0) + 1;
      if (surface === 'manifest') await checkManifest(ctx, i);
      else await checkOtherSurface(ctx, i, surface);
      if ((i + 1) % 1000 === 0) options.onProgress?.(i + 1, tally.report());
    }
    await reportLateWarnings(ctx, count);
  } finally {
    restoreWarnings();
    await thread.stop();
    await python.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return tally.report();
}
