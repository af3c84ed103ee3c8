/**
 * Edits of one job group without parsing the whole document: the group's entry is a block of
 * lines (its key and everything indented deeper), which parses on its own. A form edit in a
 * design of thousands of groups then costs one group's parse, not the design's.
 */
import { lineStart, nextLineStart, type EditResult } from './text.ts';

/** The lines of the block-map entry whose key starts at `keyStart`, with the comments above it. */
export function entryBlock(text: string, keyStart: number): { start: number; end: number } {
  const first = lineStart(text, keyStart);
  const column = keyStart - first;
  const indent = (from: number) => {
    let i = from;
    while (text[i] === ' ' || text[i] === '\t') i++;
    return i - from;
  };
  const blankOrComment = (from: number) => {
    const i = from + indent(from);
    return i >= text.length || text[i] === '\n' || text[i] === '\r' || text[i] === '#';
  };
  // Comment lines directly above, indented at least as deep as the key, go with it.
  let start = first;
  while (start > 0) {
    const prev = lineStart(text, start - 1);
    const i = prev + indent(prev);
    if (text[i] !== '#' || i - prev < column) break;
    start = prev;
  }
  // The entry runs on while lines are indented deeper than its key (blank lines in between).
  let end = nextLineStart(text, keyStart);
  let last = end;
  for (let at = end; at < text.length; at = nextLineStart(text, at)) {
    if (blankOrComment(at)) continue;
    const i = at + indent(at);
    // A sequence may sit at its key's own indentation (`key:` then `- item`).
    const item = indent(at) === column && text[i] === '-' && /[ \t\r\n]/.test(text[i + 1] ?? '\n');
    if (indent(at) < column || (indent(at) === column && !item)) break;
    last = nextLineStart(text, at);
  }
  end = last;
  return { start, end };
}

/**
 * Runs `edit` on the group's entry alone (as a document of its own, the group's key at its root)
 * and places the result in the whole text; `null` when it cannot (the caller edits the whole
 * text instead).
 */
export function editInBlock(
  text: string,
  keyStart: number,
  edit: (block: string) => EditResult,
): EditResult | null {
  // Only a key that starts its line is an entry of a block map (not of a `{ … }` one).
  if (!/^[ \t]*$/.test(text.slice(lineStart(text, keyStart), keyStart))) return null;
  const { start, end } = entryBlock(text, keyStart);
  const result = edit(text.slice(start, end));
  if (!result.ok) return null;
  const e = result.edit;
  return { ok: true, edit: { start: e.start + start, end: e.end + start, text: e.text } };
}
