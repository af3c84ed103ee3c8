/**
 * Tabs the platform's YAML reader refuses. PyYAML skips only spaces between tokens and ends a
 * plain scalar at a tab, so a tab anywhere but inside a quoted scalar, a block scalar (`|`,
 * `>`) or a comment stops the whole file ("found character '\t' that cannot start any token"),
 * while YAML 1.2 tools read `count:<TAB>2` as 2. One linear pass over the text, by line, that
 * knows just enough of YAML's lexical structure: quotes (which may span lines), comments and
 * block scalars.
 */

/** Offsets of the tabs PyYAML refuses (at most `max`). */
export function refusedTabs(text: string, max = 20): number[] {
  const out: number[] = [];
  if (!text.includes('\t')) return out;
  /** Inside a quoted scalar that goes on past the line: its quote. */
  let quote: '"' | "'" | null = null;
  /** Inside a block scalar: the indentation of its parent line, and of its content once known. */
  let block: { parent: number; indent: number | null } | null = null;
  let lineStart = 0;
  while (lineStart <= text.length && out.length < max) {
    const nl = text.indexOf('\n', lineStart);
    const end = nl < 0 ? text.length : nl;
    let i = lineStart;
    while (i < end && text[i] === ' ') i++;
    const spaces = i - lineStart;
    if (block) {
      // An empty line belongs to the block; a line indented past its parent is its text, tabs
      // and all; anything else ends it.
      if (i === end || (i === end - 1 && text[i] === '\r')) {
        lineStart = end + 1;
        continue;
      }
      if (block.indent === null && spaces > block.parent) block.indent = spaces;
      if (block.indent !== null && spaces >= block.indent) {
        lineStart = end + 1;
        continue;
      }
      block = null;
    }
    let lastToken = -1; // the last character of the line that is not space, tab or comment
    for (; i < end; i++) {
      const c = text[i]!;
      if (quote) {
        if (quote === "'" && c === "'") {
          if (text[i + 1] === "'") i++;
          else quote = null;
        } else if (quote === '"' && c === '\\') i++;
        else if (quote === '"' && c === '"') quote = null;
        lastToken = i;
        continue;
      }
      if (c === '\t') {
        out.push(i);
        if (out.length >= max) break;
        continue;
      }
      if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && startsScalar(text, lineStart, i)) quote = c;
      if (c !== ' ' && c !== '\r') lastToken = i;
    }
    // A line ending in a block scalar indicator (`key: |`, `- >-`, `|2`): what follows is text.
    if (!quote && lastToken >= 0) {
      const head = text.slice(lineStart, lastToken + 1);
      if (/(^|[\s:-])[|>][-+0-9]*$/.test(head)) block = { parent: spaces, indent: null };
    }
    lineStart = end + 1;
  }
  return out;
}

/** A quote at `i` opens a quoted scalar: it starts a value (after `: `, `- `, `[`, `{`, `,` or the line's indentation). */
function startsScalar(text: string, lineStart: number, i: number): boolean {
  let j = i - 1;
  while (j >= lineStart && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < lineStart) return true;
  const p = text[j]!;
  return p === ':' || p === '-' || p === '[' || p === '{' || p === ',' || p === '?';
}
