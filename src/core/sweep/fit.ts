/**
 * Does a group's sweep fit its design? The grid has one point per value of the index it is
 * mapped to: `JOB_INDEX` numbers `count` Jobs, `JOB_COMPLETION_INDEX` numbers `completions` pods,
 * `JOB_GLOBAL_INDEX` numbers every Job of the JobSet. A grid larger than that leaves points that
 * never run; a smaller one leaves pods with no point (`params()` raises for them); a
 * `JOB_GLOBAL_INDEX` grid beside other groups starts past its first points.
 *
 * These are findings of a design setting (SEMANTICS.md, "Design settings are not the manifest"):
 * shown with the sweep, in the Problems list and by the CLI, never part of the manifest's
 * validity. The fix, when there is one, writes the grid size into the figure the sweep maps to.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Expansion, GroupFigures } from '../jobset/expand.ts';
import type { Source } from '../manifest/source.ts';
import {
  gridSize,
  otherGroupsJobs,
  sweepField,
  sweepProblems,
  sweepTarget,
  type Sweep,
} from './sweep.ts';

/** Why the sweep does not fit its group, in words, or null when it does. */
export function sweepMisfit(s: Sweep, g: GroupFigures, expansion: Expansion): string | null {
  if (sweepProblems(s).length) return null; // not usable yet: the editor says why
  const n = gridSize(s);
  if (sweepTarget(s, otherGroupsJobs(expansion.groups, g.name)) === null) {
    return `The sweep of "${g.name}" is numbered by JOB_GLOBAL_INDEX, but the design has other groups: its Jobs start at JOB_GLOBAL_INDEX ${g.globalIndexStart ?? '?'}, so points 0 to ${(g.globalIndexStart ?? 1) - 1} never run. Number it by JOB_INDEX.`;
  }
  const field = sweepField(s.index);
  const have = field === 'count' ? g.count : g.completions;
  if (have === null || have === n) return null;
  const what = field === 'count' ? 'Jobs (count)' : 'pods per Job (completions)';
  return have < n
    ? `The sweep of "${g.name}" has ${n} points but ${have} ${what}: points ${have} to ${n - 1} never run.`
    : `The sweep of "${g.name}" has ${n} points but ${have} ${what}: pods ${n} to ${have - 1} have no point (jobset_env.params() raises for them).`;
}

export function sweepFindings(
  expansion: Expansion,
  sweeps: Readonly<Record<string, Sweep>>,
  source: Source,
  synchronous: readonly string[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const g of expansion.groups) {
    if (!Object.hasOwn(sweeps, g.name)) continue;
    const s = sweeps[g.name]!;
    // Trials numbered by JOB_INDEX are independent: waiting for each other only idles them.
    if (s.index === 'JOB_INDEX' && synchronous.includes(g.name)) {
      out.push(
        source.diagnostic(
          'info',
          'synchronous-trials',
          `Group "${g.name}" runs synchronously, but its sweep makes each Job an independent trial (JOB_INDEX): do its pods need each other? Running synchronously holds the first pods idle until the last is up (forever, on a cluster too small for all of them). Untick it under "Runs synchronously" for independent trials.`,
          ['spec', 'types', g.name],
          source.spanFor(['spec', 'types', g.name], 'key'),
        ),
      );
    }
    const problems = sweepProblems(s);
    if (problems.length) {
      const span = source.spanFor(['spec', 'types', g.name], 'key');
      out.push(
        source.diagnostic(
          'warning',
          'sweep-unusable',
          `The sweep of "${g.name}" cannot be used: ${problems[0]}`,
          ['spec', 'types', g.name],
          span,
        ),
      );
      continue;
    }
    const message = sweepMisfit(s, g, expansion);
    if (!message) continue;
    const field = sweepField(s.index);
    const global = s.index === 'JOB_GLOBAL_INDEX';
    const path = ['spec', 'types', g.name, field];
    const span = source.spanFor(
      global ? ['spec', 'types', g.name] : path,
      global ? 'key' : 'value',
    );
    const fix = global
      ? undefined
      : {
          title: `Set ${field} to ${gridSize(s)} (the grid size)`,
          op: 'set' as const,
          path,
          value: gridSize(s),
          after: field === 'count' ? [] : ['count'],
        };
    out.push(source.diagnostic('warning', 'sweep-does-not-fit', message, path, span, fix));
  }
  return out;
}
