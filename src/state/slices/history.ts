/**
 * The undo history as edits, not copies: each step holds the one splice that turns the text of
 * its neighbour toward the present into its own, and its settings. A keystroke in a 2 MB design
 * keeps a few bytes, where a copy of the text kept 2 MB (issue: memory that does not grow with
 * undo). `past[last]` applies to the current text; `future[0]` too.
 */
import { applyEdit, diffEdit, type TextEdit } from '../../core/edit/text.ts';

export interface Step<S> {
  readonly edit: TextEdit;
  readonly settings: S;
}

/** The step that turns `from` into `to` (whose settings were `settings`). */
export function stepTo<S>(from: string, to: string, settings: S): Step<S> {
  const e = diffEdit(from, to);
  // A slice of a string may keep the whole string alive (V8's sliced strings): copy it out.
  return { edit: { ...e, text: detach(e.text) }, settings };
}

/** The text a step leads to from `text` (the text of its neighbour toward the present). */
export function textOf<S>(step: Step<S>, text: string): string {
  return applyEdit(text, step.edit);
}

/**
 * A burst continues: the newest step, which led from the text before the burst, is re-based on
 * the burst's new text `next` (whose previous value was `current`).
 */
export function rebase<S>(top: Step<S>, current: string, next: string): Step<S> {
  return stepTo(next, textOf(top, current), top.settings);
}

function detach(s: string): string {
  return s.length < 16 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
