/**
 * Switching a design to another operator, carrying its groups over where the shapes allow
 * (SEMANTICS.md "Other operators"): between jobset and the operators whose types are a map of
 * replicas (pytorch, xgboost, jax, tf, batchjob), the groups keep their `count` and
 * `resources`; jobset's `completions` and `parallelisms` go when they are 1 (a replica is one
 * pod), and names become the ones the target reads (`Master` -> `master` for jobset; a lone
 * group -> `worker` for 0.2.3's pytorch, xgboost and jax). Other shapes do not carry over: the
 * operator changes and the groups stay as written.
 */
import type { Fix } from '../diagnostics.ts';
import { isObject } from '../own.ts';
import { formShape, type Operator } from './operators.ts';

export interface OperatorSwitch {
  /** The whole switch as one fix (one undo step): the operator, and the groups carried over. */
  readonly fix: Fix;
  /** True when the groups were changed to carry over (renamed, or jobset's fields removed). */
  readonly carries: boolean;
  /** Why the groups cannot carry over; null when they can (or there are none). */
  readonly blocked: string | null;
  /** What carrying over changes, one line each (`Master` -> `master`). */
  readonly changes: readonly string[];
}

type Json = Record<string, unknown>;

export function switchOperator(data: unknown, to: Operator): OperatorSwitch {
  const root = isObject(data) ? data : {};
  const spec = isObject(root.spec) ? root.spec : {};
  const types = isObject(spec.types) ? spec.types : {};
  const from = typeof spec.operator === 'string' ? spec.operator : null;
  const setOperator: Fix = {
    title: `Switch to ${to}`,
    op: 'set',
    path: ['spec', 'operator'],
    value: to,
  };
  const only = (blocked: string | null): OperatorSwitch => ({
    fix: setOperator,
    carries: false,
    blocked,
    changes: [],
  });
  const names = Object.keys(types);
  if (!names.length || from === to) return only(null);
  const [fromShape, toShape] = [formShape(from), formShape(to)];
  if (fromShape === 'yaml' || toShape === 'yaml')
    return only(
      `The groups of ${from ?? 'this design'} and ${to} have different shapes: edit them in the YAML view.`,
    );
  const fixes: Fix[] = [];
  const changes: string[] = [];
  for (const name of names) {
    const g = types[name];
    if (!isObject(g)) continue;
    if (toShape === 'replicas') {
      const stuck = podsPerJob(g);
      if (stuck)
        return only(`Group "${name}" runs ${stuck} pods per Job; ${to} runs one pod per replica.`);
      for (const key of ['completions', 'parallelisms'] as const)
        if (key in g) {
          fixes.push({ title: key, op: 'remove', path: ['spec', 'types', name, key] });
          changes.push(`${name}: ${key} removed (a replica is one pod)`);
        }
    }
  }
  const renames = newNames(names, to, typeof root.apiVersion === 'string' ? root.apiVersion : '');
  for (const [name, next] of renames) {
    fixes.push({ title: next, op: 'rename', path: ['spec', 'types', name], to: next });
    changes.push(`${name} → ${next}`);
  }
  if (!fixes.length) return only(null);
  return {
    fix: {
      title: `Switch to ${to}, carrying the groups over`,
      op: 'all',
      fixes: [setOperator, ...fixes],
    },
    carries: true,
    blocked: null,
    changes,
  };
}

/** More than one pod per Job (`completions` or `parallelisms` over 1): not a replica. */
function podsPerJob(g: Json): number | null {
  const c = typeof g.completions === 'number' ? g.completions : 1;
  const p = typeof g.parallelisms === 'number' ? g.parallelisms : 1;
  return c > 1 || p > 1 ? Math.max(c, p) : null;
}

/** The names the target reads, for the groups whose name it would not (old -> new). */
function newNames(names: readonly string[], to: Operator, apiVersion: string): [string, string][] {
  if (to === 'jobset') {
    const taken = new Set(names);
    return names.flatMap((n): [string, string][] => {
      const lower = n.toLowerCase();
      if (lower === n || taken.has(lower)) return [];
      taken.add(lower);
      return [[n, lower]];
    });
  }
  // A lone group is the operator's one type: `worker` on 0.2.3 (on JobSet), `Worker` before.
  if (names.length !== 1) return [];
  const onJobSet = apiVersion === '0.2.3' && (to === 'pytorch' || to === 'xgboost' || to === 'jax');
  const target = onJobSet ? 'worker' : 'Worker';
  return names[0] === target ? [] : [[names[0]!, target]];
}
