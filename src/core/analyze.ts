/**
 * analyze: the one entry point the worker, the CLI and the tests call. Text in; diagnostics,
 * validity and (for jobset manifests) the expansion out. Never throws on any input.
 */
import { compareDiagnostics, type Diagnostic } from './diagnostics.ts';
import { readGroups } from './jobset/groups.ts';
import { expand, type Expansion } from './jobset/expand.ts';
import { commonRules, jobsetRules } from './jobset/rules.ts';
import { parse } from './manifest/parse.ts';
import { MANIFEST_SCHEMA } from './manifest/schema.ts';
import { checkSchema, isObject } from './manifest/schemaCheck.ts';
import { usage, type Usage } from './cost/usage.ts';
import { capacityRules } from './jobset/capacityRules.ts';
import type { DesignSettings } from './settings.ts';
import { simulate, type Simulation } from './sim/simulate.ts';

export interface Analysis {
  /** Sorted by position in the text. */
  readonly diagnostics: readonly Diagnostic[];
  /** No error-severity diagnostic. */
  readonly valid: boolean;
  /** `spec.operator` when it is a string. */
  readonly operator: string | null;
  /** Figures of a jobset design; null for other operators or unreadable YAML. */
  readonly expansion: Expansion | null;
  /** The manifest as plain data (for the form); undefined when the YAML cannot be read. */
  readonly data: unknown;
  /** The YAML has a syntax error: `data` is absent and the design cannot be edited by form. */
  readonly syntaxError: boolean;
  /** Where each group of `spec.types` is in the text: its key, and its whole entry. */
  readonly groupSpans: readonly GroupSpan[];
  /** Hours, resource-hours and cost over the run (with the settings' durations and prices). */
  readonly usage: Usage | null;
  /** The schedule on the cluster capacity of the settings; null when none is given. */
  readonly simulation: Simulation | null;
}

export interface GroupSpan {
  readonly name: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly end: number;
}

export function analyze(text: string, settings: DesignSettings = {}): Analysis {
  const parsed = parse(text);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  let operator: string | null = null;
  let expansion: Expansion | null = null;
  const groupSpans: GroupSpan[] = [];
  let simulation: Simulation | null = null;
  if (parsed.data !== undefined && !parsed.syntaxError) {
    const { data, source } = parsed;
    diagnostics.push(...checkSchema(data, MANIFEST_SCHEMA, source));
    diagnostics.push(...commonRules(data, source));
    const spec = isObject(data) && isObject(data.spec) ? data.spec : {};
    operator = typeof spec.operator === 'string' ? spec.operator : null;
    if (operator === 'jobset') {
      const groups = readGroups(data);
      diagnostics.push(...jobsetRules(data, groups, source));
      // Without a `types` map there is no design to expand (figures unknown, not zero).
      if (isObject(spec.types)) expansion = expand(groups);
      if (expansion && settings.capacity) {
        simulation = simulate(expansion, settings.capacity, settings);
        diagnostics.push(
          ...capacityRules(expansion, settings.capacity, settings, simulation, source),
        );
      }
      for (const g of groups) {
        const at = source.locate(['spec', 'types', g.name]);
        if (at.key) {
          const end = Math.max(at.key.end, at.value?.end ?? 0);
          groupSpans.push({ name: g.name, keyStart: at.key.start, keyEnd: at.key.end, end });
        }
      }
    }
  }
  diagnostics.sort(compareDiagnostics);
  const readable = parsed.data !== undefined && !parsed.syntaxError;
  return {
    diagnostics,
    valid: !diagnostics.some((d) => d.severity === 'error'),
    operator,
    expansion,
    data: readable ? parsed.data : undefined,
    syntaxError: !readable,
    groupSpans,
    usage: expansion ? usage(expansion, settings) : null,
    simulation,
  };
}
