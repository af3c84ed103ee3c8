/**
 * What a rehearsal is asked for (`rehearse`'s options) and the streams it talks to: shared by
 * the command (`../rehearse.ts`, which exports them) and the parts that run its pods.
 */
import type { Writable } from 'node:stream';

export interface RehearseOptions {
  /** A folder holding the program (`--program`), or a shell command (`--command`); else generated. */
  readonly programDir: string | null;
  readonly command: string | null;
  readonly secondsPerHour: number;
  readonly stagger: number;
  readonly delays: ReadonlyMap<string, number>;
  readonly kills: ReadonlyMap<string, number>;
  readonly seed: number;
  readonly out: string;
  readonly maxPods: number;
  /** Seconds a pod waits for its peers (JOBSET_ENV_DEADLINE_S); null: the program's own. */
  readonly deadline: number | null;
  /** Seconds the whole rehearsal may take; null: no limit. */
  readonly timeout: number | null;
  readonly port: number | null;
}

export interface RehearseIo {
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  /** Where relative paths start, and where `--command` runs. */
  readonly dir: string;
  /** Stops the rehearsal (a test's Ctrl+C); without it, SIGINT and SIGTERM do. */
  readonly signal?: AbortSignal;
}
