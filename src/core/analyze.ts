/**
 * analyze: the one entry point the worker, the CLI and the tests call. Text and design settings
 * in; the manifest's diagnostics and validity, and for jobset manifests the expansion, the
 * schedule (planned, and simulated on the user's cluster), usage and cluster findings out.
 * One parse per call, and time linear in the number of groups. Never throws: an exception
 * inside the core becomes an `internal-error` diagnostic.
 */
import { compareDiagnostics, type Diagnostic } from './diagnostics.ts';
import type { Analysis, GroupSpan } from './analysis.ts';
import { usage } from './cost/usage.ts';
import { expand, type Expansion } from './jobset/expand.ts';
import { commonRules, designRules, jobsetRules, type RulesMemo } from './jobset/rules.ts';
import { parse, type Parsed } from './manifest/parse.ts';
import { MANIFEST_SCHEMA } from './manifest/schema.ts';
import { checkSchema, type SchemaMemo } from './manifest/schemaCheck.ts';
import { isObject } from './own.ts';
import { readView, type ViewMemo } from './manifest/view.ts';
import { schedule, type Schedule } from './run/schedule.ts';
import type { DesignSettings } from './settings.ts';
import { clusterFindings } from './sim/findings.ts';
import { kueueVerdict, type QueuesMemo } from './kueue/verdict.ts';
import { sweepFindings } from './sweep/fit.ts';
import { internalError } from './internal.ts';
import { isOperator } from './operators/operators.ts';
import { readOperatorDesign, type OperatorDesign } from './operators/read.ts';
import { operatorRules } from './operators/rules.ts';

export { internalError };

export type { Analysis, GroupSpan } from './analysis.ts';

/**
 * The settings the run is planned with: a distributed operator's groups are all synchronous
 * while the design names none (SEMANTICS.md "Other operators": its pods start together).
 */
function runSettings(design: OperatorDesign, settings: DesignSettings): DesignSettings {
  let out = settings;
  if (design.run.distributed && !settings.synchronous?.length)
    out = { ...out, synchronous: design.groups.map((g) => g.name) };
  // Slurm ends a job at its time limit: a pod duration not set is at most that.
  const limit = design.timeLimitHours;
  if (limit !== null && limit < 1) {
    const set = settings.durations ?? {};
    const missing = design.groups.filter((g) => !Object.hasOwn(set, g.name));
    if (missing.length)
      out = {
        ...out,
        durations: { ...set, ...Object.fromEntries(missing.map((g) => [g.name, limit])) },
      };
  }
  return out;
}

export function analyze(text: string, settings: DesignSettings = {}): Analysis {
  try {
    return analyzeOrThrow(parse(text), settings);
  } catch (err) {
    return internalError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * `analyze` that keeps its last reading, for one editor's successive texts (the worker's): an
 * edit inside one group reads only that group again (manifest/incremental.ts). Each answer is
 * the one `analyze` gives for the same text and settings. The schema check, the jobset rules and
 * the view keep what they found in each group by its data (`Memo`).
 */
export function analyzer(): (text: string, settings?: DesignSettings) => Analysis {
  let last: Parsed | undefined;
  const memo: Memo = {
    schema: new WeakMap(),
    views: new WeakMap(),
    rules: new WeakMap(),
    queues: { key: null, read: null },
  };
  return (text, settings = {}) => {
    const prev = last;
    // The previous reading is taken over by the next one: never reused after a failure.
    last = undefined;
    try {
      const parsed = parse(text, prev);
      const analysis = analyzeOrThrow(parsed, settings, memo);
      last = parsed;
      return analysis;
    } catch (err) {
      return internalError(err instanceof Error ? err.message : String(err));
    }
  };
}

/** What an analyzer keeps between texts, by the data it was computed from (manifest/kept.ts). */
interface Memo {
  readonly schema: SchemaMemo;
  readonly views: ViewMemo;
  readonly rules: RulesMemo;
  readonly queues: QueuesMemo;
}

function analyzeOrThrow(parsed: Parsed, settings: DesignSettings, memo?: Memo): Analysis {
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const findings: Diagnostic[] = [];
  let operator: string | null = null;
  let expansion: Expansion | null = null;
  let sched: Schedule | null = null;
  let synchronous: readonly string[] = settings.synchronous ?? [];
  const readable = parsed.data !== undefined && !parsed.syntaxError;
  const view = readable ? readView(parsed.data, parsed.source, memo?.views) : null;
  if (readable) {
    const { data, source } = parsed;
    diagnostics.push(...checkSchema(data, MANIFEST_SCHEMA, source, memo?.schema));
    diagnostics.push(...commonRules(data, source));
    const spec = isObject(data) && isObject(data.spec) ? data.spec : {};
    operator = typeof spec.operator === 'string' ? spec.operator : null;
    if (isOperator(operator)) {
      const design = readOperatorDesign(operator, data);
      if (operator === 'jobset')
        diagnostics.push(...jobsetRules(data, design.groups, source, memo?.rules));
      else diagnostics.push(...operatorRules(operator, data, source));
      // Without a `types` map there is no design to expand (figures unknown, not zero).
      if (isObject(spec.types)) {
        expansion = expand(design.groups, design.run);
        if (operator === 'jobset') diagnostics.push(...designRules(expansion, source));
        const run = runSettings(design, settings);
        synchronous = run.synchronous ?? [];
        sched = schedule(expansion, run);
        if (settings.capacity) {
          findings.push(
            ...clusterFindings(
              expansion,
              settings.capacity,
              sched.simulated,
              source,
              settings.sweeps,
            ),
          );
        }
        if (settings.sweeps)
          findings.push(...sweepFindings(expansion, settings.sweeps, source, synchronous));
      }
    }
  }
  // A number too large to read exactly is reported once, not again as a wrong value.
  const tooLarge = new Set(
    diagnostics.filter((d) => d.code === 'number-too-large').map((d) => d.path.join('\u0000')),
  );
  if (tooLarge.size) {
    const keep = diagnostics.filter(
      (d) => d.code === 'number-too-large' || !tooLarge.has(d.path.join('\u0000')),
    );
    diagnostics.length = 0;
    diagnostics.push(...keep);
  }
  // Every operator's groups have keys to follow (settings belong to groups by name).
  const groupSpans: readonly GroupSpan[] = view ? view.groups.filter((g) => g.keyStart >= 0) : [];
  diagnostics.sort(compareDiagnostics);
  findings.sort(compareDiagnostics);
  const valid = !diagnostics.some((d) => d.severity === 'error');
  const data = readable ? parsed.data : undefined;
  return {
    diagnostics,
    valid,
    operator,
    expansion,
    data,
    view,
    syntaxError: !readable,
    groupSpans,
    typeKeys: readable ? parsed.source.keysAt(['spec', 'types']) : [],
    schedule: sched,
    usage: sched ? usage(sched.plan, settings) : null,
    synchronous,
    findings,
    // Queues cleared but other Kueue fields kept: nothing to check yet.
    kueue: settings.kueue?.queues.trim()
      ? kueueVerdict(
          { data, valid, syntaxError: !readable, operator, diagnostics },
          settings.kueue,
          memo?.queues,
        )
      : null,
  };
}
