/**
 * A parsed manifest text and the means to point into it: from a path to the key and value
 * ranges, and from a range to a diagnostic with 1-based lines and columns.
 */
import {
  isMap,
  LineCounter,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Diagnostic, DiagnosticCode, Fix, Path, Severity } from '../diagnostics.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Located {
  /** The key of the map entry the path ends in (absent for sequence items and the root). */
  readonly key?: Span;
  /** The value at the path, when present in the text. */
  readonly value?: Span;
}

/** An entry of a map: its key's span (-1 when the key has no place) and its value's end. */
export interface EntrySpan {
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueEnd: number | null;
}

export class Source {
  readonly text: string;
  readonly doc: Document.Parsed | null;
  /** Where each line starts, as the reading counted them. */
  readonly lines: LineCounter;
  /** Key -> entry, per map, built on first use: lookups stay constant-time in big maps. */
  private readonly index = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(text: string, doc: Document.Parsed | null, lines: LineCounter) {
    this.text = text;
    this.doc = doc;
    this.lines = lines;
  }

  /** A text with no YAML document (refused or unreadable): diagnostics still get lines. */
  static plain(text: string): Source {
    return new Source(text, null, countLines(text));
  }

  /** Finds the key and value of `path` in the text, as far as the path exists. */
  locate(path: Path): Located & { readonly found: number } {
    let node: unknown = this.doc?.contents ?? null;
    // The last step taken: its key (none for the root and list items) and its value.
    let keyNode: unknown = null;
    let valueNode: unknown = node;
    let found = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = this.entry(node, String(seg));
        if (!pair) break;
        keyNode = pair.key;
        valueNode = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        keyNode = null;
        valueNode = item;
      } else break;
      node = valueNode;
      found++;
    }
    const key = this.spanOf(keyNode);
    const value = this.spanOf(valueNode);
    return { ...(key ? { key } : {}), ...(value ? { value } : {}), found };
  }

  /**
   * Where each entry of the map at `path` is, by key (for a key written twice, the last, as
   * `locate` finds it): its key's span and the end of its value. One pass over the map, where a
   * `locate` per entry builds two objects and walks from the root each time.
   */
  entriesAt(path: Path): ReadonlyMap<string, EntrySpan> {
    const out = new Map<string, EntrySpan>();
    const map = this.locateNode(path);
    if (!isMap(map)) return out;
    for (const p of map.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const key = p.key.range;
      const value = (p.value as Node | null)?.range;
      out.set(String(p.key.value), {
        keyStart: key ? key[0] : -1,
        keyEnd: key ? key[1] : -1,
        valueEnd: value ? value[1] : null,
      });
    }
    return out;
  }

  /** The node at `path` (through maps only), or null. */
  private locateNode(path: Path): unknown {
    let node: unknown = this.doc?.contents ?? null;
    for (const seg of path) {
      if (!isMap(node)) return null;
      node = this.entry(node, String(seg))?.value ?? null;
    }
    return node;
  }

  /** Every key written in the map at `path`, duplicates included, in the text's order. */
  keysAt(path: Path): { readonly name: string; readonly start: number; readonly end: number }[] {
    const node = this.locateNode(path);
    if (!isMap(node)) return [];
    const out: { name: string; start: number; end: number }[] = [];
    for (const p of node.items) {
      const range = isScalar(p.key) ? p.key.range : null;
      if (range)
        out.push({
          name: String((p.key as { value: unknown }).value),
          start: range[0],
          end: range[1],
        });
    }
    return out;
  }

  /** The span a diagnostic about `path` should underline. */
  spanFor(path: Path, on: 'key' | 'value' | 'entry' = 'value'): Span {
    const loc = this.locate(path);
    const complete = loc.found === path.length;
    if (path.length === 0 && on === 'key') return { start: 0, end: 0 };
    if (complete && on === 'key' && loc.key) return loc.key;
    if (complete && on === 'entry' && loc.key) {
      return { start: loc.key.start, end: loc.value?.end ?? loc.key.end };
    }
    if (complete && loc.value && loc.value.end > loc.value.start) return loc.value;
    // Missing or empty: point at the nearest existing key, or the document start.
    if (loc.key) return loc.key;
    if (loc.value)
      return { start: loc.value.start, end: Math.min(loc.value.end, loc.value.start + 1) };
    return { start: 0, end: 0 };
  }

  diagnostic(
    severity: Severity,
    code: DiagnosticCode,
    message: string,
    path: Path,
    span: Span,
    fix?: Fix | readonly Fix[],
  ): Diagnostic {
    // The YAML library may report a position just past the end of the text.
    const start = clamp(span.start, 0, this.text.length);
    const end = clamp(span.end, start, this.text.length);
    const s = this.lines.linePos(start);
    const e = this.lines.linePos(end);
    return {
      severity,
      code,
      message,
      path,
      start,
      end,
      line: s.line,
      column: s.col,
      endLine: e.line,
      endColumn: e.col,
      ...(fix ? { fixes: Array.isArray(fix) ? fix : [fix as Fix] } : {}),
    };
  }

  private entry(map: YAMLMap, key: string): Pair | undefined {
    let byKey = this.index.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const p of map.items) {
        // The last occurrence wins, as `toJS` keeps it for duplicate keys.
        if (isPair(p) && isScalar(p.key)) {
          byKey.set(String(p.key.value), p);
        }
      }
      this.index.set(map, byKey);
    }
    return byKey.get(key);
  }

  private spanOf(node: unknown): Span | null {
    const range = (node as Node | null | undefined)?.range;
    if (!range) return null;
    return { start: range[0], end: range[1] };
  }
}

/** Where each line of `text` starts: after every line end, a lone CR (old Mac) included. */
export function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  const ends = /\r\n?|\n/g;
  for (let m = ends.exec(text); m && m.index < 4_000_000; m = ends.exec(text)) {
    lines.addNewLine(m.index + m[0].length);
  }
  return lines;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}
