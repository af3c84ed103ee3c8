/**
 * What a fuzz run shares between its checks (the generator, the worker, the Python oracle, a
 * folder) and what it counts: findings and figures, made into the report.
 */
import type { CoreThread } from './coreThread.ts';
import type { Rng } from './mutate.ts';
import type { PythonOracle } from './python.ts';

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

/** The figures of a run, counted as its inputs are checked. */
export class Tally {
  refused = 0;
  valid = 0;
  invalid = 0;
  /** Inputs of the other surfaces (not manifests). */
  checked = 0;
  slowestWorkerMs = 0;
  slowestCliMs = 0;
  readonly findings: Finding[] = [];
  readonly workerMs: number[] = [];
  readonly bySurface: Record<string, number> = {};

  report(): FuzzReport {
    return {
      inputs: this.valid + this.invalid + this.refused + this.checked,
      refused: this.refused,
      valid: this.valid,
      invalid: this.invalid,
      findings: this.findings,
      slowestWorkerMs: this.slowestWorkerMs,
      slowestCliMs: this.slowestCliMs,
      workerMs: this.workerMs,
      bySurface: this.bySurface,
    };
  }
}

/** What every check of a run shares. */
export interface FuzzContext {
  readonly rng: Rng;
  readonly thread: CoreThread;
  readonly python: PythonOracle;
  /** A folder of the run's own, for files the CLI reads and writes. */
  readonly dir: string;
  readonly sources: readonly Source[];
  readonly texts: readonly string[];
  /** An answer later than this is a hang: the worker is restarted. */
  readonly hangMs: number;
  /** An answer later than this is too slow. */
  readonly slowMs: number;
  /** Library warnings caught in this thread (the CLI's), not yet reported. */
  readonly warnings: string[];
  readonly tally: Tally;
}
