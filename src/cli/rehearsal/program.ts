/**
 * The program every pod of a rehearsal runs: `--command` through the shell, a `--program`
 * folder's script, or the generated pod program (each group's work a sleep of its duration).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { commandScript, podProgram, programInput, type Analysis } from '../../core/index.ts';
import type { Design } from '../inputs.ts';
import type { RehearseOptions } from './options.ts';

/** How one pod's process is started: the command and arguments, and where. */
export interface Launcher {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

/** How the pods start; a string says why they cannot (no Python, no script in the folder). */
export async function programLauncher(
  design: Design,
  analysis: Analysis,
  o: RehearseOptions,
  cwd: string,
  out: string,
): Promise<Launcher | string> {
  if (o.command !== null) return { file: '/bin/sh', args: ['-c', o.command], cwd };
  const python = process.env.PYTHON || 'python3';
  if (spawnSync(python, ['--version'], { stdio: 'ignore' }).status !== 0) {
    return `${python} was not found: the pod program needs Python 3 (set PYTHON to its path), or give --command`;
  }
  const script = commandScript(analysis.view?.command ?? null);
  if (o.programDir !== null) {
    const dir = resolve(cwd, o.programDir);
    const main = [script.path, 'main.py'].find((f) => existsSync(join(dir, f)));
    if (!main) return `${o.programDir} holds neither ${script.path} nor main.py`;
    return { file: python, args: [main], cwd: dir };
  }
  // The generated program, with each group's work played by a sleep of its pod duration.
  const input = programInput(
    analysis.expansion!,
    design.settings,
    analysis.view?.name ?? null,
    analysis.view?.command ?? null,
  );
  const program = podProgram({ ...input, rehearsal: true });
  const dir = join(out, 'program');
  for (const f of program.files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.text);
  }
  return { file: python, args: [program.files[1].path], cwd: dir };
}
