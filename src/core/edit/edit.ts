/**
 * Form edits as minimal text edits. Each function parses the current text with the `yaml`
 * Document API, finds the nodes a change touches by their source ranges, and returns one splice
 * of the text. Everything outside the splice stays byte for byte: comments, blank lines, key
 * order, quoting, indentation, line endings and unknown keys. (Re-printing the whole document
 * would not do: `toString()` changes 155 of the 205 real manifests somewhere.)
 *
 * Paths address maps by key, e.g. `['spec', 'types', 'worker', 'count']`, and items of lists
 * of maps by index (`['spec', 'types', 'Workers', '0', 'count']`).
 */
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { pythonReading, readAsPlatform } from '../manifest/yaml11.ts';
import { eolOf, lineStart, nextLineStart, type EditResult, type TextEdit } from './text.ts';

import type { EntryValue, ScalarValue } from '../diagnostics.ts';

export type { EntryValue, ScalarValue };

interface Ctx {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly eol: string;
  /** Indentation step of the document's block maps (2 unless the file says otherwise). */
  readonly step: number;
}

const fail = (reason: string): EditResult => ({ ok: false, reason });
const ok = (edit: TextEdit): EditResult => ({ ok: true, edit });

function open(text: string): Ctx | string {
  // Read as the core reads it: lone CRs as line ends, keys as the platform reads them, so that
  // paths from diagnostics find their nodes.
  const readable = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const doc = parseDocument(readable, { uniqueKeys: false, logLevel: 'error' });
  if (doc.errors.length) return 'The YAML has a syntax error; fix it in the YAML editor first.';
  if (doc.contents !== null && !isMap(doc.contents)) return 'The manifest is not a map of keys.';
  readAsPlatform(doc, readable);
  // Offsets are the same in both texts; the file's own line end is kept for new lines.
  return { text: readable, doc, eol: eolOf(text), step: indentStep(readable, doc) };
}

function pairOf(map: YAMLMap, key: string): Pair<Scalar, Node | null> | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as
    Pair<Scalar, Node | null> | undefined;
}

/**
 * Sets the value at `path`, creating the missing maps on the way. A new key goes after the
 * last of `after` that its map has (so `completions` lands next to `count`), else last.
 */
export function setValue(
  text: string,
  path: readonly string[],
  value: ScalarValue,
  after: After = [],
): EditResult {
  const ctx = open(text);
  if (typeof ctx === 'string') return fail(ctx);
  return place(ctx, path, value, 'replace', after);
}

/** In a list of keys to place a new key after: "at the start of the map" when none is there. */
export const FIRST = '\u0000first';

/**
 * Where a new key goes: after the last of these keys its map has. A function decides for every
 * map on the way, so that maps created on the way land in their place too.
 */
export type After =
  readonly string[] | ((mapPath: readonly string[], key: string) => readonly string[]);

/**
 * The platform examples' key order (kind, apiVersion, builder, spec; in spec: operator, image,
 * command, types; in builder: image, dockerfile, context): new keys are written in it.
 */
const EXAMPLE_ORDER: Readonly<Record<string, readonly string[]>> = {
  '': ['kind', 'apiVersion', 'builder', 'spec'],
  builder: ['image', 'dockerfile', 'context'],
  spec: ['operator', 'image', 'command', 'types'],
};

export const inExampleOrder: After = (mapPath, key) => {
  const order = EXAMPLE_ORDER[mapPath.join('.')];
  const at = order ? order.indexOf(key) : -1;
  if (at < 0) return [];
  return at === 0 ? [FIRST] : [FIRST, ...order!.slice(0, at)];
};

/**
 * Adds `key: value` to the map at `mapPath`, creating that map if needed: after the last of
 * `after` the map has (at its start when none is and `after` holds FIRST), else last.
 */
export function addEntry(
  text: string,
  mapPath: readonly string[],
  key: string,
  value: EntryValue,
  after: string | readonly string[] = [],
): EditResult {
  const ctx = open(text);
  if (typeof ctx === 'string') return fail(ctx);
  return place(
    ctx,
    [...mapPath, key],
    value,
    'refuse',
    typeof after === 'string' ? [after] : after,
  );
}

/**
 * Walks `path` and writes `value` there: into an existing scalar (keeping its quoting), or as a
 * new entry in the deepest map that exists, with the missing maps around it. `existing` says
 * what to do when the path is already there.
 */
function place(
  ctx: Ctx,
  path: readonly string[],
  value: EntryValue,
  existing: 'replace' | 'refuse',
  after: After,
): EditResult {
  if (path.length === 0) return fail('No path given.');
  let map = ctx.doc.contents as YAMLMap | null;
  let mapPair: Pair<Scalar, Node | null> | null = null;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const rest = path.slice(i + 1);
    const nested = rest.reduceRight<EntryValue>((v, k) => ({ [k]: v }), value);
    if (map === null) return insertAtEnd(ctx, key, nested);
    const pair = pairOf(map, key);
    if (!pair && map.flow && map.items.length === 0 && mapPair && isMapValue(nested)) {
      // An empty `{}` that receives a block (a new group): write it as a block, not one line.
      return replaceValue(ctx, mapPair, { [key]: nested });
    }
    if (!pair) {
      const here =
        typeof after === 'function' ? after(path.slice(0, i), key) : rest.length === 0 ? after : [];
      const anchor = [...here].reverse().find((k) => k !== FIRST && pairOf(map!, k));
      return insertEntry(ctx, map, key, nested, anchor, !anchor && here.includes(FIRST));
    }
    const node = pair.value;
    if (rest.length === 0) {
      if (existing === 'refuse') return fail(`\`${key}\` already exists.`);
      if (isScalar(node) && node.range && node.value !== null && !isMapValue(value)) {
        return ok({ start: node.range[0], end: node.range[1], text: scalarSource(value, node) });
      }
      return replaceValue(ctx, pair, value);
    }
    if (isMap(node)) {
      map = node;
      mapPair = pair;
      continue;
    }
    // An item of a list of maps (a Ray worker pool, a Vertex AI pool), by its index.
    const item = isSeq(node) && rest.length > 1 ? itemAt(node, rest[0]!) : null;
    if (isMap(item)) {
      map = item;
      mapPair = null;
      i++;
      continue;
    }
    if (node === null || (isScalar(node) && node.value === null)) {
      return replaceValue(ctx, pair, nested);
    }
    return fail(
      `\`${path.slice(0, i + 1).join('.')}\` is not a map, so \`${rest[0]}\` cannot be set in it.`,
    );
  }
  return fail('Unreachable.');
}

/** Removes the entry at `path`, with the comment lines directly above it. */
export function removeEntry(text: string, path: readonly string[]): EditResult {
  const ctx = open(text);
  if (typeof ctx === 'string') return fail(ctx);
  const located = entryAt(ctx, path);
  if (typeof located === 'string') return fail(located);
  const { map, pair } = located;
  if (map.items.length === 1 && path.length > 1) {
    // The last entry: the map becomes `{}`, not an empty value that would read as null.
    const parent = entryAt(ctx, path.slice(0, -1));
    if (typeof parent !== 'string') return replaceValue(ctx, parent.pair, {});
  }
  if (map.flow) return removeFromFlow(map, pair);
  const [start, end] = blockOf(ctx, pair, true);
  return ok({ start, end, text: '' });
}

/** Renames the key at `path`, keeping its value, comments and position. */
export function renameEntry(text: string, path: readonly string[], newKey: string): EditResult {
  const ctx = open(text);
  if (typeof ctx === 'string') return fail(ctx);
  const located = entryAt(ctx, path);
  if (typeof located === 'string') return fail(located);
  if (pairOf(located.map, newKey)) return fail(`\`${newKey}\` already exists.`);
  const range = located.pair.key.range!;
  return ok({ start: range[0], end: range[1], text: scalarSource(newKey, located.pair.key) });
}

/** Moves the entry at `path` to position `toIndex` among its siblings (block maps). */
export function moveEntry(text: string, path: readonly string[], toIndex: number): EditResult {
  const ctx = open(text);
  if (typeof ctx === 'string') return fail(ctx);
  const located = entryAt(ctx, path);
  if (typeof located === 'string') return fail(located);
  const { map, pair } = located;
  if (map.flow) return fail('Entries of a `{ … }` map can be reordered in the YAML only.');
  const from = map.items.indexOf(pair);
  const to = Math.max(0, Math.min(map.items.length - 1, toIndex));
  if (from === to) return ok({ start: 0, end: 0, text: '' });
  const blocks = map.items.map((p) => blockOf(ctx, p as Pair<Scalar, Node | null>, true));
  const pieces = blocks.map(([s, e]) => withEol(ctx, ctx.text.slice(s, e)));
  const order = blocks.map((_, i) => i);
  order.splice(from, 1);
  order.splice(to, 0, from);
  // Rewrite the span from the first to the last block; the gaps between blocks (blank lines)
  // stay where they were.
  const start = blocks[0]![0];
  const end = blocks[blocks.length - 1]![1];
  let out = '';
  for (let i = 0; i < blocks.length; i++) {
    out += pieces[order[i]!]!;
    if (i + 1 < blocks.length) out += ctx.text.slice(blocks[i]![1], blocks[i + 1]![0]);
  }
  if (!ctx.text.slice(start, end).endsWith('\n')) out = out.replace(/\r?\n$/, '');
  return ok({ start, end, text: out });
}

/** Copies the entry at `path` under `newKey`, right after the original. */
export function duplicateEntry(text: string, path: readonly string[], newKey: string): EditResult {
  const ctx = open(text);
  if (typeof ctx === 'string') return fail(ctx);
  const located = entryAt(ctx, path);
  if (typeof located === 'string') return fail(located);
  const { map, pair } = located;
  if (pairOf(map, newKey)) return fail(`\`${newKey}\` already exists.`);
  if (map.flow) return fail('Entries of a `{ … }` map can be duplicated in the YAML only.');
  const [start, end] = blockOf(ctx, pair, false);
  const keyRange = pair.key.range!;
  const copy =
    ctx.text.slice(start, keyRange[0]) +
    scalarSource(newKey, pair.key) +
    ctx.text.slice(keyRange[1], end);
  const at = end;
  const lead = ctx.text.slice(0, at).endsWith('\n') || at === 0 ? '' : ctx.eol;
  return ok({ start: at, end: at, text: lead + withEol(ctx, copy) });
}

// ---------------------------------------------------------------------------------------------

/** The item of a list at an index written as a path step (`'0'`); null when there is none. */
function itemAt(seq: YAMLSeq, key: string): Node | null {
  return /^\d+$/.test(key) ? ((seq.items[Number(key)] as Node | undefined) ?? null) : null;
}

function mapAt(ctx: Ctx, path: readonly string[]): YAMLMap | null | string {
  let node: Node | null = ctx.doc.contents as YAMLMap | null;
  for (const key of path) {
    if (node === null) return null;
    if (isSeq(node)) {
      node = itemAt(node, key);
      continue;
    }
    if (!isMap(node)) return `\`${key}\`'s parent is not a map.`;
    const pair = pairOf(node, key);
    if (!pair) return null;
    node = pair.value;
    if (isScalar(node) && node.value === null) return null;
  }
  if (node !== null && !isMap(node)) return `\`${path.join('.')}\` is not a map.`;
  return node;
}

function entryAt(ctx: Ctx, path: readonly string[]) {
  const map = mapAt(ctx, path.slice(0, -1));
  if (typeof map === 'string') return map;
  const pair = map && pairOf(map, path[path.length - 1]!);
  if (!map || !pair) return `\`${path.join('.')}\` does not exist.`;
  return { map, pair };
}

/** Text span of an entry of a block map: whole lines, from its key to the end of its value. */
function blockOf(
  ctx: Ctx,
  pair: Pair<Scalar, Node | null>,
  withComments: boolean,
): [number, number] {
  const { text } = ctx;
  const key = pair.key.range!;
  let start = lineStart(text, key[0]);
  const valueEnd = Math.max(key[1], pair.value?.range?.[1] ?? 0);
  const end = text[valueEnd - 1] === '\n' ? valueEnd : nextLineStart(text, valueEnd);
  if (withComments) {
    const column = key[0] - start;
    // Take the comment lines directly above, indented at least as deep as the key.
    while (start > 0) {
      const prev = lineStart(text, start - 1);
      const line = text.slice(prev, start).replace(/\r?\n$/, '');
      const indent = line.length - line.trimStart().length;
      if (!line.trimStart().startsWith('#') || indent < column) break;
      start = prev;
    }
  }
  return [start, end];
}

/** Replaces a pair's value (null, scalar or collection) with `value`, after its colon. */
function replaceValue(ctx: Ctx, pair: Pair<Scalar, Node | null>, value: EntryValue): EditResult {
  const { text } = ctx;
  const keyEnd = pair.key.range![1];
  const colon = text.indexOf(':', keyEnd);
  const node = pair.value;
  const valueEnd = node?.range ? Math.max(node.range[1], colon + 1) : colon + 1;
  const column = pair.key.range![0] - lineStart(text, pair.key.range![0]);
  if (isMapValue(value) && Object.keys(value).length > 0) {
    // A block under the key: from the colon to the end of the old value's line(s).
    const end = text[valueEnd - 1] === '\n' ? valueEnd - eolLength(text, valueEnd) : valueEnd;
    const body = Object.entries(value)
      .map(([k, v]) => renderEntry(ctx, k, v, column + ctx.step))
      .join('');
    return ok({ start: colon + 1, end, text: ctx.eol + body.replace(/\r?\n$/, '') });
  }
  const end = text[valueEnd - 1] === '\n' ? valueEnd - eolLength(text, valueEnd) : valueEnd;
  return ok({ start: colon + 1, end, text: ' ' + flowSource(value) });
}

function insertEntry(
  ctx: Ctx,
  map: YAMLMap,
  key: string,
  value: EntryValue,
  afterKey?: string,
  atStart = false,
): EditResult {
  const { text } = ctx;
  if (map.flow && atStart && map.items.length) {
    const open = map.range![0] + 1;
    return ok({ start: open, end: open, text: ` ${scalarSource(key)}: ${flowSource(value)},` });
  }
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range![1]);
    const inner = text.slice(map.range![0] + 1, close);
    const sep = map.items.length ? (inner.trimEnd().endsWith(',') ? ' ' : ', ') : ' ';
    const trimmedClose = map.items.length ? close - (inner.length - inner.trimEnd().length) : close;
    const entry = `${scalarSource(key)}: ${flowSource(value)}`;
    return ok({ start: trimmedClose, end: close, text: `${sep}${entry} ` });
  }
  const pairs = map.items as Pair<Scalar, Node | null>[];
  const after = (afterKey !== undefined && pairOf(map, afterKey)) || pairs[pairs.length - 1]!;
  const column = pairs[0]!.key.range![0] - lineStart(text, pairs[0]!.key.range![0]);
  if (atStart) {
    // Before the first key (after the comments at the top of the file).
    const at = lineStart(text, pairs[0]!.key.range![0]);
    return ok({ start: at, end: at, text: renderEntry(ctx, key, value, column) });
  }
  const at = blockOf(ctx, after, false)[1];
  const lead = at > 0 && !text.slice(0, at).endsWith('\n') ? ctx.eol : '';
  return ok({ start: at, end: at, text: lead + renderEntry(ctx, key, value, column) });
}

function insertAtEnd(ctx: Ctx, key: string, value: EntryValue): EditResult {
  const { text } = ctx;
  const lead = text.length && !text.endsWith('\n') ? ctx.eol : '';
  return ok({ start: text.length, end: text.length, text: lead + renderEntry(ctx, key, value, 0) });
}

function removeFromFlow(map: YAMLMap, pair: Pair<Scalar, Node | null>): EditResult {
  const i = map.items.indexOf(pair);
  const start = pair.key.range![0];
  const end = pair.value?.range?.[1] ?? pair.key.range![1];
  const next = map.items[i + 1] as Pair<Scalar, Node | null> | undefined;
  if (next) return ok({ start, end: next.key.range![0], text: '' });
  const prev = map.items[i - 1] as Pair<Scalar, Node | null> | undefined;
  if (prev) {
    const prevEnd = prev.value?.range?.[1] ?? prev.key.range![1];
    return ok({ start: prevEnd, end, text: '' });
  }
  return ok({ start, end, text: '' });
}

function renderEntry(ctx: Ctx, key: string, value: EntryValue, column: number): string {
  const pad = ' '.repeat(column);
  if (isMapValue(value)) {
    const body = Object.entries(value)
      .map(([k, v]) => renderEntry(ctx, k, v, column + ctx.step))
      .join('');
    return `${pad}${scalarSource(key)}:${ctx.eol}${body}`;
  }
  return `${pad}${scalarSource(key)}: ${scalarSource(value)}${ctx.eol}`;
}

function isMapValue(v: EntryValue): v is { readonly [key: string]: EntryValue } {
  return typeof v === 'object' && v !== null;
}

/** YAML source for a scalar, keeping the quoting style of the scalar it replaces. */
export function scalarSource(value: ScalarValue, original?: Scalar): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '.nan';
  if (typeof value === 'boolean') return String(value);
  if (original?.type === 'QUOTE_DOUBLE' || value.includes('\n')) return JSON.stringify(value);
  if (original?.type === 'QUOTE_SINGLE') return `'${value.replaceAll("'", "''")}'`;
  // Plain when both YAML 1.2 (the library) and the platform's YAML 1.1 read it back as the same
  // string; quoted otherwise (`"on"`, `"010"`). Strings of digits and dots are quoted too
  // ("0.2.3"), as the platform writes versions.
  const s = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  const plain = !/^["']/.test(s);
  return s.includes('\n') || /^\d[0-9.]*$/.test(s) || (plain && pythonReading(s) !== value)
    ? JSON.stringify(value)
    : s;
}

function flowSource(value: EntryValue): string {
  if (!isMapValue(value)) return scalarSource(value);
  const entries = Object.entries(value).map(([k, v]) => `${scalarSource(k)}: ${flowSource(v)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

function withEol(ctx: Ctx, block: string): string {
  return block.endsWith('\n') ? block : block + ctx.eol;
}

function eolLength(text: string, end: number): number {
  return text[end - 2] === '\r' ? 2 : 1;
}

/** The indentation step of the first nested block map, 2 by default. */
function indentStep(text: string, doc: Document.Parsed): number {
  const root = doc.contents;
  if (!isMap(root)) return 2;
  for (const p of root.items) {
    const v = p.value;
    if ((isMap(v) || isSeq(v)) && !v.flow && v.items.length && isScalar(p.key)) {
      const first = v.items[0]!;
      const node = (isMap(v) ? (first as Pair<Scalar>).key : first) as Node | null;
      const keyCol = p.key.range![0] - lineStart(text, p.key.range![0]);
      const childStart = node?.range?.[0];
      if (childStart === undefined) continue;
      const col = childStart - lineStart(text, childStart) - keyCol;
      if (col > 0 && isMap(v)) return col;
    }
  }
  return 2;
}

/** Plain data (a JSON manifest) written as block YAML, for a file opened as JSON. */
export function yamlOf(data: unknown): string {
  return stringify(data, { lineWidth: 0 });
}
