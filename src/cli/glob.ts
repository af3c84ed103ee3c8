/**
 * File patterns on the command line, for shells that do not expand them (Windows, quoted
 * arguments in CI and in package.json scripts): `*` and `?` within a name, `**` for any depth of
 * folders, `[abc]` and `{yaml,yml}`. Names starting with a dot and `node_modules` folders are
 * only matched when the pattern names them.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export function isGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

/** The files matching `pattern`, relative to `cwd` as the pattern is, sorted. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const parts = pattern.split(/[\\/]+/);
  const absolute = pattern.startsWith('/');
  const firstGlob = parts.findIndex(isGlob);
  const base = parts.slice(0, firstGlob).join('/') || (absolute ? '/' : '');
  const rest = parts.slice(firstGlob).map(segment);
  const found: string[] = [];
  walk(base, rest, found, cwd);
  return [...new Set(found)].sort();
}

type Segment =
  | { readonly kind: 'any-depth' }
  | {
      readonly kind: 'name';
      readonly test: (name: string) => boolean;
      readonly literal: boolean;
      readonly dot: boolean;
    };

/** A pattern the glob cannot read (`[z-a]`): a usage error, said as such. */
export class GlobError extends Error {}

function segment(s: string): Segment {
  if (s === '**') return { kind: 'any-depth' };
  const alternatives = braces(s).map(tokens);
  return {
    kind: 'name',
    test: (name) => alternatives.some((t) => matches(t, name)),
    literal: !isGlob(s),
    dot: s.startsWith('.'),
  };
}

type Token =
  | { readonly kind: 'char'; readonly c: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'class'; readonly negate: boolean; readonly ranges: [string, string][] };

/** `a{b,c}d` as `abd` and `acd` (one level, as shells do for file names). */
function braces(s: string): string[] {
  const open = s.indexOf('{');
  const close = open < 0 ? -1 : s.indexOf('}', open);
  if (close < 0) return [s];
  const head = s.slice(0, open);
  return s
    .slice(open + 1, close)
    .split(',')
    .flatMap((alt) => braces(head + alt + s.slice(close + 1)));
}

function tokens(s: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '*') {
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'any' });
    else if (c === '[' && s.indexOf(']', i + 2) > 0) {
      const end = s.indexOf(']', i + 2);
      let body = s.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        const a = body[j]!;
        if (body[j + 1] === '-' && j + 2 < body.length) {
          const b = body[j + 2]!;
          if (b < a) throw new GlobError(`the pattern "${s}" has the empty range [${a}-${b}]`);
          ranges.push([a, b]);
          j += 2;
        } else ranges.push([a, a]);
      }
      out.push({ kind: 'class', negate, ranges });
      i = end;
    } else out.push({ kind: 'char', c });
  }
  return out;
}

function one(t: Token, c: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.c === c;
    case 'any':
      return true;
    case 'class':
      return t.ranges.some(([a, b]) => a <= c && c <= b) !== t.negate;
    case 'star':
      return false;
  }
}

/**
 * Wildcard matching without backtracking into earlier stars: on a mismatch only the last star
 * takes one more character. Time is at most the name's length times the pattern's, however the
 * stars are placed (a regular expression took 37 s on `*_*_*_*_*.yaml` against one long name).
 */
function matches(p: readonly Token[], name: string): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < name.length) {
    const t = p[i];
    if (t && t.kind !== 'star' && one(t, name[j]!)) {
      i++;
      j++;
    } else if (t?.kind === 'star') {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (p[i]?.kind === 'star') i++;
  return i === p.length;
}

function entries(dir: string, cwd: string) {
  try {
    return readdirSync(resolve(cwd, dir || '.'), { withFileTypes: true });
  } catch {
    return [];
  }
}

function walk(dir: string, rest: readonly Segment[], found: string[], cwd: string): void {
  const [head, ...tail] = rest;
  if (!head) return;
  const path = (name: string) => (dir ? (dir.endsWith('/') ? dir + name : `${dir}/${name}`) : name);
  if (head.kind === 'any-depth') {
    walk(dir, tail, found, cwd); // zero folders
    for (const e of entries(dir, cwd)) {
      if (e.isDirectory() && !hidden(e.name)) walk(path(e.name), rest, found, cwd);
    }
    return;
  }
  for (const e of entries(dir, cwd)) {
    if (!head.test(e.name) || (!head.literal && !head.dot && hidden(e.name))) continue;
    if (tail.length === 0) {
      if (e.isFile() || e.isSymbolicLink()) found.push(path(e.name));
    } else if (e.isDirectory() || e.isSymbolicLink()) walk(path(e.name), tail, found, cwd);
  }
}

const hidden = (name: string) => name.startsWith('.') || name === 'node_modules';
