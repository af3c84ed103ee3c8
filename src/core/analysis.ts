/** What an analysis of a text gives: its own file, so what builds one need not load the core. */
import type { Diagnostic } from './diagnostics.ts';
import type { Usage } from './cost/usage.ts';
import type { Expansion } from './jobset/expand.ts';
import type { ManifestView } from './manifest/view.ts';
import type { Schedule } from './run/schedule.ts';

import type { KueueResult } from './kueue/verdict.ts';

export interface Analysis {
  /** The manifest's own diagnostics, sorted by position in the text. */
  readonly diagnostics: readonly Diagnostic[];
  /** No error-severity diagnostic. Design settings never change it. */
  readonly valid: boolean;
  /** `spec.operator` when it is a string. */
  readonly operator: string | null;
  /** Figures of a jobset design; null for other operators or unreadable YAML. */
  readonly expansion: Expansion | null;
  /** The manifest as plain data (merge keys resolved); undefined when the YAML cannot be read. */
  readonly data: unknown;
  /** The manifest's fields and groups as the form shows them, with their places in the text. */
  readonly view: ManifestView | null;
  /** The YAML has a syntax error: `data` is absent and the design cannot be edited by form. */
  readonly syntaxError: boolean;
  /** Where each group of `spec.types` is in the text: its key, and its whole entry. */
  readonly groupSpans: readonly GroupSpan[];
  /** Every key written under `spec.types`, duplicates included: the keys settings follow. */
  readonly typeKeys: readonly {
    readonly name: string;
    readonly start: number;
    readonly end: number;
  }[];
  /** The planned run, and the simulated run on the user's cluster. */
  readonly schedule: Schedule | null;
  /** Hours, resource-hours and cost over the planned run (with the settings' durations and prices). */
  readonly usage: Usage | null;
  /** What the simulated run on the user's cluster shows: never part of the manifest's validity. */
  readonly findings: readonly Diagnostic[];
  /** The groups the run treats as synchronous: the design's, or a distributed operator's all. */
  readonly synchronous: readonly string[];
  /** Kueue's verdict, when the settings give queues. */
  readonly kueue: KueueResult | null;
}

export interface GroupSpan {
  readonly name: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly end: number;
}
