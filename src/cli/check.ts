/**
 * The inputs of a call, read and checked: each argument as the inputs it stands for (a pattern
 * for the files it matches), each read and analysed, or said to be unreadable.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { analyze } from '../core/index.ts';
import type { Checked } from './formats.ts';
import { expandGlob, isGlob } from './glob.ts';
import { isLink, readDesign, Unreadable, type Design } from './inputs.ts';
import type { Watchdog } from './watchdog.ts';

/** How messages name an input that is not a file. */
function nameOf(arg: string, dir: string): string {
  return arg === '-' ? '<stdin>' : isLink(arg, dir) ? '<link>' : arg;
}

/**
 * Each argument as the inputs it stands for: a pattern for the files it matches. With `once`
 * (validate), a name that an earlier argument already stands for is read once (overlapping
 * patterns); a file named otherwise (`./a.yaml`, its absolute path) is another input, as it is
 * written. `diff a.yaml a.yaml` still compares a file with itself.
 */
export function expandInputs(inputs: readonly string[], cwd: string, once: boolean) {
  const out: ({ readonly arg: string } | { readonly unmatched: string })[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (once && seen.has(file)) return;
    seen.add(file);
    out.push({ arg: file });
  };
  for (const arg of inputs) {
    if (arg === '-' || isLink(arg, cwd)) out.push({ arg });
    else if (!isGlob(arg) || existsSync(resolve(cwd, arg))) add(arg);
    else {
      const files = expandGlob(arg, cwd);
      if (files.length === 0) out.push({ unmatched: arg });
      for (const f of files) add(f);
    }
  }
  return out;
}

/** Each expanded input checked in turn, under the watchdog's deadline when there is one. */
export async function checkAll(
  expanded: ReturnType<typeof expandInputs>,
  stdin: Readable,
  dir: string,
  watchdog: Watchdog | null,
): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (const x of expanded) {
    checked.push(
      'unmatched' in x
        ? {
            kind: 'unreadable',
            name: x.unmatched,
            file: null,
            reason: `no file matches ${x.unmatched}`,
          }
        : await check(x.arg, stdin, dir, watchdog),
    );
  }
  return checked;
}

async function check(
  arg: string,
  stdin: Readable,
  dir: string,
  watchdog: Watchdog | null,
): Promise<Checked> {
  let design: Design;
  try {
    design = await readDesign(arg, stdin, dir);
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
    const name = nameOf(arg, dir);
    return { kind: 'unreadable', name, file: name === arg ? arg : null, reason: err.message };
  }
  watchdog?.begin(design.name);
  try {
    return { kind: 'checked', design, analysis: analyze(design.text, design.settings) };
  } finally {
    watchdog?.end();
  }
}
