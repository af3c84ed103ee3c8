/** What every surface's check is given and gives back (see surfaces.ts). */
import type { Rng } from './mutate.ts';
import type { PythonOracle } from './python.ts';

export interface SurfaceContext {
  readonly rng: Rng;
  /** A folder of its own for files the CLI reads and writes. */
  readonly dir: string;
  readonly python: PythonOracle;
  /** Texts of real and shipped manifests. */
  readonly sources: readonly string[];
}

export interface SurfaceResult {
  readonly problem: string | null;
  /** The input, to write beside a finding. */
  readonly input: string;
}

/** A parsed JSON or YAML document, read by the oracles. */
export type Json = Record<string, unknown>;
