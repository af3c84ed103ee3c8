/**
 * Re-reading one group: when an edit falls inside one group of `spec.types`, only that group's
 * lines are read again by the YAML library and put in place of the group in the previous
 * document; every other node keeps its reading, its offsets moved by the edit's length. The
 * YAML library's reading is most of an analysis's time (150 ms of 200 at 2,000 groups), and
 * this makes it grow with the group an edit touches, not with the design.
 *
 * The answer must be the one a full reading gives (a property test compares them on random
 * edits): wherever a group's lines might be read otherwise inside the whole text (anchors,
 * aliases, tags, merges, tabs, line ends other than LF, a line at or left of the group's key,
 * any error or warning), `null` says "read the whole text".
 */
import type { LineCounter } from 'yaml';
import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type Range,
  type YAMLMap,
} from 'yaml';
import { diffEdit } from '../edit/text.ts';
import { lastValue } from './quiet.ts';
import { countLines } from './source.ts';
import { YAML_OPTIONS } from './yamlOptions.ts';

/** The previous reading: its text, its document (given up to this) and its line starts. */
export interface Previous {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

export interface Reread {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The index in `spec.types` of the group read again; absent for the same text. */
  readonly group?: number;
}

/** Characters whose meaning can reach past one group's lines, or that the reading refuses. */
const NOT_LOCAL = /[&*!\t\r%]|<</;

/** An edit found to fall inside one group's lines, before those lines are read again. */
export interface Plan {
  /**
   * What to check before any reading for what the YAML library must not be given (parse.ts
   * `refuse`), the rest of the text having passed that check before: nothing for the same
   * text, the group's lines when neither they nor what they replaced hold a bracket (brackets
   * are counted across lines), else the whole text.
   */
  readonly check: string;
  readonly reread: () => Reread | null;
}

/**
 * Whether `text` can be read from `prev` by reading again the one group an edit touched, and
 * how; null when that cannot be known to equal a full reading. Rereading changes `prev.doc` in
 * place.
 */
export function planReread(prev: Previous, text: string): Plan | null {
  const { doc } = prev;
  if (text.includes('\r')) return null;
  // The same text (a change of settings only): the same document, its lines as counted.
  if (text === prev.text) return { check: '', reread: () => ({ doc, lines: prev.lines }) };
  if (doc.errors.length || doc.warnings.length) return null;
  const path = typesPath(doc);
  if (!path) return null;
  const edit = diffEdit(prev.text, text);
  const at = groupAt(path[2], prev.text, edit);
  if (!at) return null;
  const delta = text.length - prev.text.length;
  const oldChunk = prev.text.slice(at.start, at.end);
  const chunk = text.slice(at.start, at.end + delta);
  if (NOT_LOCAL.test(oldChunk) || NOT_LOCAL.test(chunk)) return null;
  if (!indentedUnder(chunk, at.indent)) return null;
  if (at.last ? !endsInContent(oldChunk) || !endsInContent(chunk) : !chunk.endsWith('\n'))
    return null;
  const brackets = /[[\]{}]/;
  return {
    check: brackets.test(oldChunk) || brackets.test(chunk) ? text : chunk,
    reread: () => reread(doc, path, at, chunk, edit.end, delta, text),
  };
}

/** The group's lines read again and put in place, the rest of the document moved by `delta`. */
function reread(
  doc: Document.Parsed,
  path: readonly [BlockMap, BlockMap, BlockMap],
  at: GroupAt,
  chunk: string,
  editEnd: number,
  delta: number,
  text: string,
): Reread | null {
  const types = path[2];
  const pair = readPair(chunk, at.start, at.last ? null : at.indent);
  const old = types.items[at.index]!;
  if (!pair || !sameKey(pair, old)) return null;
  // The maps around the last group end where it ends: their ends follow its new ones.
  const ends = at.last ? [doc, ...path].map((n) => [...n.range!]) : [];
  const oldEnd = [...(old.value as Node).range!];
  shiftFrom(doc, editEnd, delta);
  types.items[at.index] = pair;
  const newEnd = (pair.value as Node).range!;
  [doc, ...path].forEach((n, i) => {
    for (const j of [1, 2]) if (ends[i]?.[j] === oldEnd[j]) n.range![j] = newEnd[j]!;
  });
  return { doc, lines: countLines(text), group: at.index };
}

type BlockMap = YAMLMap<unknown, unknown>;

/** The block maps from the root to `spec.types`, when each is a block map. */
function typesPath(doc: Document.Parsed): [BlockMap, BlockMap, BlockMap] | null {
  const root = doc.contents;
  if (!isMap(root) || root.flow || !root.range) return null;
  const spec = lastValue(root, 'spec');
  if (!isMap(spec) || spec.flow || !spec.range) return null;
  const types = lastValue(spec, 'types');
  if (!isMap(types) || types.flow || !types.items.length || !types.range) return null;
  return [root, spec, types];
}

interface GroupAt {
  readonly index: number;
  /** From the start of the key's line to the start of the next group's key line. */
  readonly start: number;
  readonly end: number;
  /** The key's column: every other line of the group is indented further. */
  readonly indent: number;
  /** The last group, its lines the end of the text. */
  readonly last: boolean;
}

/** The group whose lines after its key line hold the whole edit. */
function groupAt(
  types: BlockMap,
  text: string,
  edit: { start: number; end: number },
): GroupAt | null {
  const items = types.items;
  let lo = 0;
  let hi = items.length - 1;
  // The last group whose key starts at or before the edit.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyStart(items[mid]!) <= edit.start) lo = mid;
    else hi = mid - 1;
  }
  const pair = items[lo]!;
  const key = keyStart(pair);
  if (key < 0 || key > edit.start || !isScalar(pair.key) || pair.key.type !== 'PLAIN') return null;
  if (!isCollection(pair.value) || pair.value.flow) return null;
  const start = text.lastIndexOf('\n', key - 1) + 1;
  const indent = key - start;
  if (text.slice(start, key).trim()) return null;
  const keyLineEnd = text.indexOf('\n', key) + 1;
  if (keyLineEnd === 0 || edit.start < keyLineEnd) return null;
  const next = items[lo + 1];
  if (!next) {
    // The last group: only when its lines end the text (what follows would be read in turn).
    if (!lastInText(text, keyLineEnd, indent)) return null;
    return { index: lo, start, end: text.length, indent, last: true };
  }
  if (keyStart(next) < 0) return null;
  const end = keyStart(next) - indent;
  if (text.slice(end, keyStart(next)).trim() || edit.end > end) return null;
  return { index: lo, start, end, indent, last: false };
}

function keyStart(pair: Pair<unknown, unknown>): number {
  const range = (pair.key as Node | null)?.range;
  return range ? range[0] : -1;
}

/**
 * The text ends with a line of content with no comment: the library ends the maps around the
 * last group where a comment at the end of the text ends, not where the group does.
 */
function endsInContent(chunk: string): boolean {
  const lines = chunk.trimEnd().split('\n');
  return !lines[lines.length - 1]!.includes('#');
}

/** No line after `from` is at or left of the group's key (comments included). */
function lastInText(text: string, from: number, indent: number): boolean {
  return indentedUnder(text.slice(from - 1), indent);
}

/** Every line after the first is blank or indented past the group's key (comments too). */
function indentedUnder(chunk: string, indent: number): boolean {
  let at = chunk.indexOf('\n') + 1;
  if (at === 0) return false;
  while (at < chunk.length) {
    const nl = chunk.indexOf('\n', at);
    const lineEnd = nl < 0 ? chunk.length : nl;
    const line = chunk.slice(at, lineEnd);
    const content = line.trimStart();
    if (content && line.length - content.length <= indent) return false;
    at = lineEnd + 1;
  }
  return true;
}

/**
 * The group's lines read alone, its offsets moved to where the lines start in the text. A key
 * follows them at the group's column, as the next group's does in the text, so the library
 * ends the group's nodes (and places trailing comments) as it does there.
 */
function readPair(
  chunk: string,
  offset: number,
  indent: number | null,
): Pair<unknown, unknown> | null {
  const next = indent === null ? '' : `${' '.repeat(indent)}_:\n`;
  const part = parseDocument(chunk + next, YAML_OPTIONS);
  if (part.errors.length || part.warnings.length) return null;
  const root = part.contents;
  if (!isMap(root) || root.flow || root.items.length !== (indent === null ? 1 : 2)) return null;
  const pair = root.items[0]!;
  if (!isCollection(pair.value) || pair.value.flow) return null;
  shiftFrom(pair, 0, offset);
  return pair;
}

function sameKey(a: Pair<unknown, unknown>, b: Pair<unknown, unknown>): boolean {
  return isScalar(a.key) && isScalar(b.key) && a.key.value === b.key.value;
}

/**
 * Adds `delta` to every offset at or after `from` in the tree under `root`: an offset of the
 * old text past the edit is that offset moved by the edit's length in the new text. Runs over
 * every node after the edit (a document of 10,000 groups has hundreds of thousands): written
 * for speed, without the library's type checks on every node.
 */
function shiftFrom(root: unknown, from: number, delta: number): void {
  if (!delta) return;
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop() as {
      range?: Range | null;
      items?: unknown[];
      key?: unknown;
      value?: unknown;
      contents?: unknown;
    } | null;
    if (!node || typeof node !== 'object') continue;
    const range = node.range;
    if (range) {
      // Nodes before the edit, and all they hold, end before it: nothing in them moves.
      if (range[2] < from && range[1] < from) continue;
      if (range[0] >= from) range[0] += delta;
      if (range[1] >= from) range[1] += delta;
      if (range[2] >= from) range[2] += delta;
    }
    if (isPair(node)) stack.push(node.key, node.value);
    else if (node.items) for (const item of node.items) stack.push(item);
    else if ('contents' in node) stack.push(node.contents);
  }
}
