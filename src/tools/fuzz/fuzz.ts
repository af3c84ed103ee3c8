/**
 * The fuzz loop: mutated manifests through the two ways users reach the core, the app's worker
 * (in a Node worker thread, answers crossing a thread boundary) and the CLI (`validate - --json`,
 * bytes on standard input). For every input it checks that nothing crashed (no internal-error
 * diagnostic, no worker error), nothing hung, each answer came in under a second, both answers
 * are the same, and no library warning reached the console.
 */
import { Worker } from 'node:worker_threads';
import { isDeepStrictEqual } from 'node:util';
import { decodeManifest, type Analysis } from '../../core/index.ts';
import { diagnosticJson } from '../../cli/report.ts';
import { runCli } from '../../cli/run.ts';
import type { WorkerRequest, WorkerResponse } from '../../worker/protocol.ts';
import { mutate, random } from './mutate.ts';
import { comparable, PythonOracle } from './python.ts';
import { checkSurface, SURFACES, type Surface } from './surfaces.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Source {
  readonly name: string;
  readonly text: string;
}

export type FindingKind = 'crash' | 'hang' | 'slow' | 'differs' | 'warning' | 'wrong';

export interface Finding {
  readonly kind: FindingKind;
  /** Which input (0-based) of the run: with the seed, enough to make it again. */
  readonly input: number;
  readonly source: string;
  readonly detail: string;
  readonly bytes: Uint8Array;
}

export interface FuzzReport {
  readonly inputs: number;
  /** Inputs the designer refuses to read (not text, UTF-16 cut short, ...): exit 2 in the CLI. */
  readonly refused: number;
  readonly valid: number;
  readonly invalid: number;
  readonly findings: readonly Finding[];
  /** The slowest answer of each side, in ms. */
  readonly slowestWorkerMs: number;
  readonly slowestCliMs: number;
  readonly workerMs: readonly number[];
  /** Inputs per surface (`manifest`: mutated manifests through the worker and the CLI). */
  readonly bySurface: Readonly<Record<string, number>>;
}

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

const HOST = new URL('./workerHost.mjs', import.meta.url);

/** The app's worker in a thread, one request at a time, restartable after a hang. */
class CoreThread {
  private worker!: Worker;
  private ready!: Promise<void>;
  private pending: ((r: WorkerResponse) => void) | null = null;
  readonly warnings: string[] = [];

  constructor() {
    this.start();
  }

  private start() {
    this.worker = new Worker(HOST);
    this.ready = new Promise((resolve) => {
      this.worker.on(
        'message',
        (m: WorkerResponse | { type: 'ready' } | { type: 'warn'; text: string }) => {
          if (m.type === 'ready') resolve();
          else if (m.type === 'warn') this.warnings.push(m.text);
          else {
            const done = this.pending;
            this.pending = null;
            done?.(m);
          }
        },
      );
    });
  }

  async analyze(text: string, requestId: number, hangMs: number): Promise<WorkerResponse | 'hang'> {
    await this.ready;
    const answer = new Promise<WorkerResponse>((resolve) => (this.pending = resolve));
    const request: WorkerRequest = {
      type: 'analyze',
      requestId,
      version: requestId,
      text,
      settings: {},
      exportJobSet: false,
    };
    this.worker.postMessage(request);
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>(
      (resolve) => (timer = setTimeout(() => resolve('hang'), hangMs)),
    );
    const result = await Promise.race([answer, hang]);
    clearTimeout(timer);
    if (result === 'hang') {
      this.pending = null;
      await this.worker.terminate();
      this.start();
    }
    return result;
  }

  stop() {
    return this.worker.terminate();
  }
}

/** What the CLI prints for `validate --json`, from an analysis. */
function validateJson(a: Analysis) {
  return { valid: a.valid, diagnostics: a.diagnostics.map(diagnosticJson) };
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { seed, count, sources, hangMs = 10_000, slowMs = 1000 } = options;
  const surfaces = options.surfaces ?? (['manifest', ...SURFACES] as const);
  const rng = random(seed);
  const thread = new CoreThread();
  const python = new PythonOracle();
  const dir = mkdtempSync(join(tmpdir(), 'jobset-fuzz-'));
  const bySurface: Record<string, number> = {};
  const texts = sources.map((s) => s.text);
  const findings: Finding[] = [];
  const workerMs: number[] = [];
  let refused = 0;
  let valid = 0;
  let invalid = 0;
  let checked = 0;
  let slowestWorkerMs = 0;
  let slowestCliMs = 0;

  // Library warnings in this thread (the CLI's): caught, reported, never printed.
  const warnings: string[] = [];
  const original = { warn: console.warn, emitWarning: process.emitWarning };
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  process.emitWarning = ((w: string | Error) =>
    warnings.push(String(w))) as typeof process.emitWarning;

  const report = (): FuzzReport => ({
    inputs: valid + invalid + refused + checked,
    refused,
    valid,
    invalid,
    findings,
    slowestWorkerMs,
    slowestCliMs,
    workerMs,
    bySurface,
  });

  try {
    for (let i = 0; i < count; i++) {
      const surface = surfaces[i % surfaces.length]!;
      bySurface[surface] = (bySurface[surface] ?? 0) + 1;
      if (surface !== 'manifest') {
        const t0 = performance.now();
        let result;
        try {
          result = await checkSurface(surface, { rng, dir, python, sources: texts });
        } catch (err) {
          result = {
            problem: `threw: ${err instanceof Error ? err.stack : String(err)}`,
            input: '',
          };
        }
        const ms = performance.now() - t0;
        const found = (kind: FindingKind, detail: string) =>
          findings.push({
            kind,
            input: i,
            source: surface,
            detail,
            bytes: new TextEncoder().encode(result.input),
          });
        if (result.problem) found('wrong', result.problem);
        if (ms > slowMs) found('slow', `the ${surface} check took ${Math.round(ms)} ms`);
        checked++;
        for (const text of warnings.splice(0)) found('warning', text);
        if ((i + 1) % 1000 === 0) options.onProgress?.(i + 1, report());
        continue;
      }
      const source = rng.pick(sources);
      const bytes = mutate(source.text, rng);
      const found = (kind: FindingKind, detail: string) =>
        findings.push({ kind, input: i, source: source.name, detail, bytes });

      await (async () => {
        const decoded = decodeManifest(bytes);
        const t0 = performance.now();
        const cliRun = runCli(['validate', '-', '--json'], bytes).then((r) => ({
          ...r,
          ms: performance.now() - t0,
        }));
        const workerRun = decoded.ok ? thread.analyze(decoded.text, i, hangMs) : null;
        const [cli, answer] = await Promise.all([cliRun, workerRun]);
        slowestCliMs = Math.max(slowestCliMs, cli.ms);
        if (cli.ms > slowMs) found('slow', `the CLI took ${Math.round(cli.ms)} ms`);

        if (!decoded.ok) {
          refused++;
          // The designer refuses the file with this reason; the CLI must too, with exit 2.
          if (cli.code !== 2 || !cli.stderr.includes(decoded.reason)) {
            found(
              'differs',
              `refused ("${decoded.reason}") but the CLI said ${cli.code}: ${cli.stderr}`,
            );
          }
          return;
        }
        if (answer === 'hang' || answer === null) {
          found('hang', `no answer from the worker within ${hangMs} ms`);
          return;
        }
        if (answer.type === 'error') {
          found('crash', `the worker could not send its answer: ${answer.message}`);
          return;
        }
        workerMs.push(answer.computeMs);
        slowestWorkerMs = Math.max(slowestWorkerMs, answer.computeMs);
        if (answer.computeMs > slowMs)
          found('slow', `the worker took ${Math.round(answer.computeMs)} ms`);
        const a = answer.analysis;
        if (a.valid) valid++;
        else invalid++;
        const internal = a.diagnostics.find((d) => d.code === 'internal-error');
        if (internal) found('crash', internal.message);

        let printed: unknown;
        try {
          printed = JSON.parse(cli.stdout);
        } catch {
          found(
            'differs',
            `the CLI printed no JSON (exit ${cli.code}): ${cli.stderr.slice(0, 200)}`,
          );
          return;
        }
        if (cli.code !== (a.valid ? 0 : 1))
          found('differs', `the CLI exited ${cli.code}, valid: ${a.valid}`);
        if (!isDeepStrictEqual(printed, validateJson(a))) {
          found('differs', 'the worker and the CLI report different diagnostics');
        }
        // What the designer calls valid, the platform's reader reads the same.
        if (a.valid) {
          const py = await python.load(decoded.text);
          if ('error' in py) found('wrong', `valid here, refused by PyYAML: ${py.error}`);
          else if (!isDeepStrictEqual(py.data, comparable(a.data)))
            found('wrong', 'valid here, but PyYAML reads other data');
        }
      })();
      for (const text of warnings.splice(0).concat(thread.warnings.splice(0)))
        found('warning', text);
      if ((i + 1) % 1000 === 0) options.onProgress?.(i + 1, report());
    }
    // A warning the worker printed for the last inputs arrives after their answers.
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const text of thread.warnings.splice(0)) {
      findings.push({
        kind: 'warning',
        input: count - 1,
        source: '',
        detail: text,
        bytes: new Uint8Array(),
      });
    }
  } finally {
    console.warn = original.warn;
    process.emitWarning = original.emitWarning;
    await thread.stop();
    await python.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return report();
}
