/**
 * Setting a group's sweep: the sweep (a design setting) and the figure it decides (`count` or
 * `completions`, written through the edit path so comments and key order stay) change in one
 * undo step. The editing code loads on first use.
 */
import { applyEdit } from '../core/edit/text.ts';
import type * as EditCode from '../core/edit/edit.ts';
import {
  otherGroupsJobs,
  sweepField,
  sweepProblems,
  sweepTarget,
  type Sweep,
} from '../core/sweep/sweep.ts';
import { designSettings } from './slices/design.ts';
import { useDesigner } from './store.ts';
import { getOwn, putOwn } from '../core/own.ts';

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
  // The count to write is read from the figures of the text as it is now: an analysis of an
  // older text (still on its way) could name counts the text no longer has.
  const e = s.analysisVersion === s.version ? s.analysis?.expansion : null;
  if (sweep && edit && e) {
    const target = sweepTarget(sweep, otherGroupsJobs(e.groups, group));
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
  // Figures not yet known for this text: once they are, the count follows the sweep.
  if (sweep && edit && !e) followOnce(group);
}

/**
 * Waits for the analysis of the text as it is now, then writes the count the group's sweep
 * needs (its own undo step is merged into the sweep's burst); never on a text typed since.
 */
function followOnce(group: string) {
  const at = useDesigner.getState().version;
  const stop = useDesigner.subscribe((s) => {
    if (s.version !== at) return stop(); // the text changed again: its own edit decides
    if (s.analysisVersion !== s.version) return;
    stop();
    const sweep = getOwn(s.sweeps, group);
    if (sweep) void applySweep(group, sweep);
  });
}
