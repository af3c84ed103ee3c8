/**
 * Setting a group's sweep: the sweep (a design setting) and the figure it decides (`count` or
 * `completions`, written through the edit path so comments and key order stay) change in one
 * undo step. The editing code loads on first use.
 */
import { applyEdit } from '../core/edit/text.ts';
import type * as EditCode from '../core/edit/edit.ts';
import { sweepField, sweepProblems, sweepTarget, type Sweep } from '../core/sweep/sweep.ts';
import { designSettings } from './slices/design.ts';
import { useDesigner } from './store.ts';
import { putOwn } from '../core/own.ts';

type EditModule = typeof EditCode;
let loaded: EditModule | null = null;

/**
 * Sets the sweep; once the editing code is loaded, in the same tick (so a sweep applied as the
 * page goes, on pagehide, is saved with it).
 */
export async function applySweep(group: string, sweep: Sweep | null): Promise<void> {
  const usable = sweep && sweepProblems(sweep).length === 0;
  const edit = usable ? (loaded ??= await import('../core/edit/edit.ts')) : null;
  const s = useDesigner.getState();
  const sweeps: Record<string, Sweep> = { ...s.sweeps };
  if (sweep) putOwn(sweeps, group, sweep);
  else delete sweeps[group];
  let text = s.text;
  const e = s.analysis?.expansion;
  if (sweep && edit && e) {
    const others = e.groups.filter((g) => g.name !== group).reduce((n, g) => n + (g.count ?? 0), 0);
    const target = sweepTarget(sweep, others);
    const field = sweepField(sweep.index);
    const current = e.groups.find((g) => g.name === group)?.[field];
    if (target !== null && current !== target) {
      const r = edit.setValue(text, ['spec', 'types', group, field], target, edit.inExampleOrder);
      if (r.ok) text = applyEdit(text, r.edit);
    }
  }
  s.commit(text, {
    origin: 'settings',
    burst: `sweep:${group}`,
    settings: { ...designSettings(s), sweeps },
  });
}
