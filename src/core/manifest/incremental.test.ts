// Reading one group again gives the answer a full reading gives: random edit sequences over the
// real corpus and generated designs, each step compared with a fresh reading (the document's
// nodes and offsets, the data, the diagnostics) and with a fresh `analyze`.
import { readFileSync } from 'node:fs';
import { isCollection, isPair, isScalar, isAlias, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { corpusFiles, generatedDesign } from '../../fixtures/read.ts';
import { analyze, analyzer } from '../analyze.ts';
import { parse, type Parsed } from './parse.ts';

/** Every node of a document in order: its kind, offsets and value (what readers look at). */
function nodes(doc: Document | null): unknown[] {
  const out: unknown[] = [];
  const stack: unknown[] = [doc?.contents ?? null];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    // A merge key's value is a symbol of its own per reading: compared by what it says.
    if (isScalar(node))
      out.push([
        'scalar',
        node.range,
        typeof node.value === 'symbol' ? String(node.value) : node.value,
        node.type,
      ]);
    else if (isAlias(node)) out.push(['alias', node.range, node.source]);
    else if (isCollection(node)) {
      out.push([isPair(node.items[0]) ? 'map' : 'seq', node.range, node.flow ?? false]);
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else out.push(['empty', node ?? null]);
  }
  return out;
}

/** A seeded generator, so a failure names the seed and step that reproduce it. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '1',
  '0',
  '7',
  '\n',
  '\n      ',
  '  ',
  ':',
  ': ',
  '#',
  ' # note',
  '- ',
  "'",
  '"',
  '&a ',
  '*a',
  '!!str ',
  '\t',
  '\r',
  '{',
  '[',
  ']',
  'x: 1\n',
  '\n        extra: 2',
  '\n      count: 3',
  '\n    added:\n      count: 1\n',
  '\n  top: 1\n',
  '<<: {a: 1}\n',
  'gpu',
  ' ',
  '\u00e9',
  '\u0085',
  '\n---\n',
  // Refused before any reading: a line indented past the limit, brackets nested past it.
  `\n${' '.repeat(1_010)}deep: 1`,
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '%YAML 1.1\n',
  'true',
  '~',
  '0x1F',
  '1e3',
  '01:00:00',
  '- a\n',
];

/** One random edit of `text`: mostly inside a group's lines (where rereading applies). */
function edit(text: string, next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const lines = [...text.matchAll(/\n( {4,})\S/g)].map((m) => m.index + 1 + m[1]!.length);
  const at =
    lines.length && next() < 0.85
      ? pick(lines) + Math.floor(next() * 12)
      : Math.floor(next() * (text.length + 1));
  const where = Math.min(at, text.length);
  const kind = next();
  if (kind < 0.25) {
    // A number changed in place, as a form edit does.
    const m = /\d+/.exec(text.slice(where));
    if (m) {
      const s = where + m.index;
      return text.slice(0, s) + String(Math.floor(next() * 40)) + text.slice(s + m[0].length);
    }
  }
  if (kind < 0.4) return text.slice(0, where) + text.slice(where + 1 + Math.floor(next() * 12));
  return text.slice(0, where) + pick(SNIPPETS) + text.slice(where);
}

/** Replays `steps` random edits from `start`, comparing each incremental reading with a full one. */
function replay(start: string, seed: number, steps: number): { reused: number; steps: number } {
  const next = random(seed);
  const analyzeNext = analyzer();
  let text = start;
  let prev: Parsed = parse(text);
  analyzeNext(text);
  let reused = 0;
  for (let i = 0; i < steps; i++) {
    text = edit(text, next);
    const prevDoc = prev.source.doc;
    const inc = parse(text, prev);
    const full = parse(text);
    if (prevDoc && inc.source.doc === prevDoc) reused++;
    const where = `seed ${seed}, step ${i}`;
    expect(nodes(inc.source.doc), where).toEqual(nodes(full.source.doc));
    expect(inc.data, where).toEqual(full.data);
    expect(inc.syntaxError, where).toBe(full.syntaxError);
    expect(inc.diagnostics, where).toEqual(full.diagnostics);
    expect(analyzeNext(text), where).toEqual(analyze(text));
    prev = inc;
    // A text the library cannot read is read whole until it can again: most of the time,
    // start over from the design so that later edits exercise the rereading.
    if (full.syntaxError && next() < 0.8) {
      text = start;
      prev = parse(text, prev);
      analyzeNext(text);
    }
  }
  return { reused, steps };
}

describe('reading one group again (incremental parse)', () => {
  it('equals a full reading on random edits of generated designs', () => {
    let reused = 0;
    let steps = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const r = replay(generatedDesign(3 + (seed % 9), 2, 4, 2), seed, 30);
      reused += r.reused;
      steps += r.steps;
    }
    // The property is about the rereading: many steps must have taken it.
    expect(reused / steps).toBeGreaterThan(0.3);
  });

  it('equals a full reading on random edits of every real manifest', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(200);
    let reused = 0;
    let steps = 0;
    files.forEach((file, i) => {
      const r = replay(readFileSync(file, 'utf8'), 1000 + i, 8);
      reused += r.reused;
      steps += r.steps;
    });
    expect(reused / steps).toBeGreaterThan(0.1);
  });

  it('reads only the edited group of a large design again', () => {
    const before = generatedDesign(2000, 2, 4, 2);
    const prev = parse(before);
    const at = before.indexOf('count: 2', before.indexOf('group-700:'));
    const after = `${before.slice(0, at)}count: 5${before.slice(at + 'count: 2'.length)}`;
    const doc = prev.source.doc;
    const next = parse(after, prev);
    expect(next.source.doc).toBe(doc);
    const types = (next.data as { spec: { types: Record<string, { count: number }> } }).spec.types;
    expect(types['group-700']!.count).toBe(5);
    expect(types['group-701']!.count).toBe(2);
    expect(next.diagnostics).toEqual(parse(after).diagnostics);
  });
});
