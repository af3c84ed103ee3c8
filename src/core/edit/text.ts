/** Text positions and single-splice edits: what every form edit becomes. */

/** Replace `[start, end)` of the text by `text`: one minimal change, applied as one step. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type EditResult =
  { readonly ok: true; readonly edit: TextEdit } | { readonly ok: false; readonly reason: string };

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** The smallest single splice that turns `before` into `after` (common prefix and suffix). */
export function diffEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}

export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Position just past the end of the line holding `pos` (past its newline, if any). */
export function nextLineStart(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

/** The line ending the text uses: CRLF files stay CRLF. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : text.includes('\r') ? '\r' : '\n';
}

/**
 * Several edits, each computed from the text the previous one left, as one single splice: one
 * undo step for a change that touches two places (e.g. rename a key and set its value).
 */
export function chain(text: string, ...steps: ((text: string) => EditResult)[]): EditResult {
  let current = text;
  for (const step of steps) {
    const r = step(current);
    if (!r.ok) return r;
    current = applyEdit(current, r.edit);
  }
  return { ok: true, edit: diffEdit(text, current) };
}
