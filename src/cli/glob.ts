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
      readonly re: RegExp;
      readonly literal: boolean;
      readonly dot: boolean;
    };

function segment(s: string): Segment {
  if (s === '**') return { kind: 'any-depth' };
  return { kind: 'name', re: nameRegExp(s), literal: !isGlob(s), dot: s.startsWith('.') };
}

function nameRegExp(s: string): RegExp {
  let re = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = s.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = s
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = s.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${s
          .slice(i + 1, end)
          .split(',')
          .map(escape)
          .join('|')})`;
        i = end;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

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
    if (!head.re.test(e.name) || (!head.literal && !head.dot && hidden(e.name))) continue;
    if (tail.length === 0) {
      if (e.isFile() || e.isSymbolicLink()) found.push(path(e.name));
    } else if (e.isDirectory() || e.isSymbolicLink()) walk(path(e.name), tail, found, cwd);
  }
}

const hidden = (name: string) => name.startsWith('.') || name === 'node_modules';
