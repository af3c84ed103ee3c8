/**
 * What YAML 1.2 readers take and the platform's YAML reader (PyYAML, YAML 1.1) reads otherwise
 * or refuses, in the document's shape rather than its characters:
 * - explicit tags: PyYAML makes bytes of `!!binary`, dates of `!!timestamp`, sets of `!!set`, and
 *   refuses tags it does not know (`!custom`); `!!str` alone reads the same in both;
 * - a key left out before a colon (`  : 1`): YAML 1.2 reads an empty key, PyYAML refuses the
 *   whole file ("while parsing a block mapping").
 */
import { isCollection, isNode, isPair, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { Fix } from '../diagnostics.ts';
import { NOTHING_QUIET, type Quiet } from './quiet.ts';

export interface ShapeProblem {
  readonly code: 'tag-refused' | 'yaml-syntax';
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fix?: Fix;
}

const SAME_IN_BOTH = new Set(['tag:yaml.org,2002:str']);

/**
 * At most `max` problems, in the text's order. The `quiet` nodes are not gone through: groups
 * unchanged since a walk found nothing in them (manifest/quiet.ts).
 */
export function pythonShapes(
  text: string,
  doc: Document.Parsed,
  max = 5,
  quiet: Quiet = NOTHING_QUIET,
): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  // Every node and pair in the text's order (as the YAML library's `visit` goes), without its
  // per-node bookkeeping: a document of 10,000 groups has hundreds of thousands of nodes.
  const stack: unknown[] = [doc.contents];
  while (stack.length && out.length < max) {
    const item = stack.pop();
    if (isPair(item)) {
      emptyKey(text, item, out);
      if (!quiet.has(item.value as object)) stack.push(item.value);
      stack.push(item.key);
      continue;
    }
    if (!isNode(item)) continue;
    tagged(text, item, out);
    if (isCollection(item))
      for (let i = item.items.length - 1; i >= 0; i--) stack.push(item.items[i]);
  }
  return out;
}

/** A tag PyYAML reads otherwise or refuses. */
function tagged(text: string, node: Node, out: ShapeProblem[]): void {
  const tag = (node as { tag?: string }).tag;
  if (!tag || SAME_IN_BOTH.has(tag) || !node.range) return;
  const at = tagBefore(text, node.range[0]);
  const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
  out.push({
    code: 'tag-refused',
    start: at?.start ?? node.range[0],
    end: at?.end ?? node.range[1],
    message: `The tag ${shown} is read otherwise by the platform's YAML reader (PyYAML: bytes for !!binary, dates for !!timestamp, sets for !!set) or refused there when it does not know it. Write the value without a tag (quote it to keep it as text).`,
    ...(at && {
      fix: {
        title: `Remove the tag ${shown}`,
        op: 'replace-text' as const,
        start: at.start,
        end: at.removeTo,
        expect: text.slice(at.start, at.removeTo),
        text: '',
      },
    }),
  });
}

/** An empty key written as nothing before its colon, which PyYAML refuses. */
function emptyKey(text: string, pair: Pair<unknown, unknown>, out: ShapeProblem[]): void {
  if (!isScalar(pair.key) || !pair.key.range) return;
  const [s, e] = pair.key.range;
  if (s !== e) return;
  // The key's place may start before comment lines. An explicit `? ` key, which PyYAML
  // reads, has its indicator before it.
  let colon = s;
  for (;;) {
    while (colon < text.length && /\s/.test(text[colon]!)) colon++;
    if (text[colon] !== '#') break;
    while (colon < text.length && text[colon] !== '\n') colon++;
  }
  let before = s;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  if (text[colon] === ':' && text[before - 1] !== '?') {
    out.push({
      code: 'yaml-syntax',
      start: colon,
      end: colon + 1,
      message:
        "A key is missing before this colon. YAML 1.2 tools read an empty key; the platform's YAML reader (PyYAML) refuses the whole file. Write the key, or remove the line.",
    });
  }
}

/** The tag written just before the value that starts at `at` (`!!binary `), if it is there. */
function tagBefore(
  text: string,
  at: number,
): { start: number; end: number; removeTo: number } | null {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  const end = i;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return text[i] === '!' && end > i ? { start: i, end, removeTo: at } : null;
}
