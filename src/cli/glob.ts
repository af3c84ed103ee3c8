/**
 * File patterns on the command line, for shells that do not expand them (Windows, quoted
 * arguments in CI and in package.json scripts), matched by tinyglobby (which uses picomatch):
 * `*` and `?` within a name, `**` for any depth of folders (`m/**` is every file under m),
 * `[abc]`, `[!abc]` and braces, within a name (`*.{yaml,yml}`) or across folders
 * (`{a,b/c}.yaml`). Names starting with a dot and `node_modules` folders are only matched when
 * the pattern names them. `\` separates folders as `/` does; `(`, `)`, `|`, `!`, `+` and `@` are
 * plain characters (no extglobs). Folders and files linked to are followed.
 */
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';

export function isGlob(arg: string): boolean {
  return /[*?[{]/.test(arg);
}

/** A pattern the glob cannot read (`[z-a]`): a usage error, said as such. */
export class GlobError extends Error {}

/**
 * The most stars one name of a pattern is given to picomatch with. Its regular expressions
 * backtrack: a failed match costs about the name's length to the power of the stars less one
 * (`*_*_*_*_*.yaml` took 13.5 s on a name of 205 underscores, `*_*_*_*.yaml` 0.8 s on 255, three
 * stars 12 ms). A file name with more stars is matched here instead, in linear time.
 */
const MAX_STARS = 3;

/** The files matching `pattern`, relative to `cwd` as the pattern is, sorted. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const parts = pattern.split(/[\\/]+/);
  const absolute = /^[\\/]/.test(pattern);
  const firstGlob = parts.findIndex(isGlob);
  // The folders before the first wildcard are where the search starts, kept as written.
  const base = parts.slice(0, firstGlob).join('/') || (absolute ? '/' : '');
  const rest = parts.slice(firstGlob);
  for (const s of rest) checkRanges(s);
  let nameTest: ((name: string) => boolean) | null = null;
  for (const [i, s] of rest.entries()) {
    const stars = starCount(s);
    if (stars <= MAX_STARS) continue;
    if (i !== rest.length - 1 || s.includes('{'))
      throw new GlobError(
        `the pattern "${s}" has ${stars} stars in one name; more than ${MAX_STARS} are only read in a file name without braces`,
      );
    // tinyglobby lists the folder's files (the dot rule kept); the name is tested here.
    nameTest = linearMatcher(s);
    rest[i] = s.startsWith('.') ? '.*' : '*';
  }
  const glob = rest.map(escapePlain).join('/');
  // `*` and `**` pass over names with a dot and over node_modules unless the pattern names them.
  // picomatch's own dot rule misses a star that opens braces (`{*.yaml,*.yml}` matched
  // `.x.yaml`; micromatch/picomatch#193 and #200, open), hence the dot names here too.
  const ignore = [
    ...(/(^|[/{,])\./.test(glob) ? [] : ['**/.*']),
    ...(glob.includes('node_modules') ? [] : ['**/node_modules']),
  ];
  const found = globSync(glob, {
    cwd: resolve(cwd, base || '.'),
    expandDirectories: false,
    extglob: false,
    ignore,
  });
  const test = nameTest;
  const files = test ? found.filter((f) => test(f.slice(f.lastIndexOf('/') + 1))) : found;
  const path = (f: string) => (base ? (base.endsWith('/') ? base + f : `${base}/${f}`) : f);
  return [...new Set(files.map(path))].sort();
}

/**
 * Walks one name of a pattern: `visit` sees each character outside a `[...]` class with its
 * index, and each class whole (`[` at `i`, `]` at `end`).
 */
function scan(s: string, visit: (i: number, end: number) => void): void {
  for (let i = 0; i < s.length; i++) {
    const end = s[i] === '[' ? s.indexOf(']', i + 2) : -1;
    visit(i, end);
    if (end > 0) i = end;
  }
}

/** `[z-a]` matches nothing rather than everything between: said as a usage error. */
function checkRanges(s: string): void {
  scan(s, (i, end) => {
    if (end < 0) return;
    const body = s.slice(i + 1, end).replace(/^[!^]/, '');
    for (let j = 0; j + 2 < body.length; j++) {
      const [a, dash, b] = [body[j]!, body[j + 1], body[j + 2]!];
      if (dash !== '-') continue;
      if (b < a) throw new GlobError(`the pattern "${s}" has the empty range [${a}-${b}]`);
      j += 2;
    }
  });
}

/** How many runs of stars one name has (`a**b` has one; a whole `**` is any depth, none). */
function starCount(s: string): number {
  if (s === '**') return 0;
  let n = 0;
  scan(s, (i, end) => {
    if (end < 0 && s[i] === '*' && s[i - 1] !== '*') n++;
  });
  return n;
}

/**
 * One name of a pattern as picomatch should read it: the characters it would take for extglobs
 * or groups as plain ones, and `**` within a name as `*` (picomatch let `**.x` cross folders,
 * and read the `.` of `****.a*a.*` as any character).
 */
function escapePlain(s: string): string {
  if (s === '**') return s;
  let out = '';
  scan(s, (i, end) => {
    if (end > 0) out += s.slice(i, end + 1);
    else if (s[i] === '*') out += s[i - 1] === '*' ? '' : '*';
    else out += '()|!+@'.includes(s[i]!) ? `\\${s[i]}` : s[i];
  });
  return out;
}

/**
 * A test of a name against `s` (stars, `?`, classes, no braces) in time linear in the name's
 * length: each piece between stars has a fixed width, the pieces in the middle are placed at
 * their first fit, the last one at the end. No earlier piece ever has to move, so nothing
 * backtracks. Each piece is tested by picomatch, so classes mean what they mean elsewhere.
 */
function linearMatcher(s: string): (name: string) => boolean {
  const pieces: { width: number; text: string }[] = [{ width: 0, text: '' }];
  scan(s, (i, end) => {
    const piece = pieces[pieces.length - 1]!;
    if (end < 0 && s[i] === '*') {
      if (piece.text || pieces.length === 1) pieces.push({ width: 0, text: '' });
      return;
    }
    piece.text += end > 0 ? s.slice(i, end + 1) : s[i];
    piece.width++;
  });
  const tests = pieces.map((p) => {
    const m = p.text
      ? picomatch(escapePlain(p.text), { dot: true, noextglob: true, posix: true })
      : null;
    return {
      width: p.width,
      at: (name: string, from: number) => !m || m(name.slice(from, from + p.width)),
    };
  });
  const first = tests[0]!;
  const lastPiece = tests[tests.length - 1]!;
  const middle = tests.slice(1, -1);
  return (name) => {
    const end = name.length - lastPiece.width;
    if (end < first.width || !first.at(name, 0) || !lastPiece.at(name, end)) return false;
    let pos = first.width;
    for (const t of middle) {
      while (pos + t.width <= end && !t.at(name, pos)) pos++;
      if (pos + t.width > end) return false;
      pos += t.width;
    }
    return true;
  };
}
