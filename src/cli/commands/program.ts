/** `jobset-designer program`: the pod program's files, written into a folder. */
import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { podProgram, programInput } from '../../core/index.ts';
import { textLines, type Checked } from '../formats.ts';
import { say } from '../output.ts';

/** The pod program's two files, written into `outDir` (made when missing); 1 for an invalid manifest. */
export async function programCommand(
  c: Checked & { kind: 'checked' },
  outDir: string,
  stderr: Writable,
): Promise<number> {
  const e = c.analysis.expansion;
  if (!c.analysis.valid || !e) {
    for (const line of textLines([c])) say(stderr, line);
    say(stderr, `${c.design.name}: invalid, no program written`);
    return 1;
  }
  const misfits = c.analysis.findings.filter(
    (f) => f.code === 'sweep-does-not-fit' || f.code === 'sweep-unusable',
  );
  if (misfits.length) {
    for (const f of misfits) say(stderr, `${c.design.name}: ${f.message}`);
    say(
      stderr,
      `${c.design.name}: no program written: a sweep cannot be used or does not fit its group (change the sweep, or set the figure to the grid size)`,
    );
    return 1;
  }
  const program = podProgram(
    programInput(
      e,
      c.design.settings,
      c.analysis.view?.name ?? null,
      c.analysis.view?.command ?? null,
    ),
  );
  const paths = program.files.map((f) => join(outDir, f.path));
  try {
    for (const [i, f] of program.files.entries()) await writeInside(outDir, paths[i]!, f.text);
  } catch (err) {
    say(
      stderr,
      `jobset-designer: cannot write into ${outDir}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return 2;
  }
  say(stderr, `${c.design.name}: wrote ${paths.join(' and ')}`);
  if (program.script.kind === 'change') say(stderr, `${c.design.name}: ${program.script.advice}`);
  return 0;
}

/**
 * Writes `text` to `path` inside `dir`, never through a symbolic link planted there: not the file
 * (opened with O_NOFOLLOW), nor a folder between `dir` and it.
 */
async function writeInside(dir: string, path: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const folders: string[] = [];
  for (let d = dirname(path); d.length > dir.length && d.startsWith(dir); d = dirname(d))
    folders.unshift(d);
  for (const d of folders) {
    const st = await lstat(d).catch(() => null);
    if (st?.isSymbolicLink())
      throw new Error(`${d} is a symbolic link; nothing is written through it`);
    if (!st) await mkdir(d);
  }
  const handle = await open(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
    0o644,
  ).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ELOOP'
      ? new Error(`${path} is a symbolic link; nothing is written through it`)
      : err;
  });
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}
