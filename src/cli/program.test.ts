// `jobset-designer program`: the same two files as the designer's Program view, into a folder,
// with a design link's sweeps.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { podProgram } from '../core/program/python.ts';
import { fixturePath, readFixture } from '../fixtures/read.ts';
import { encodeDesign } from '../core/link/codec.ts';
import { runCli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'jobset-cli-program-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('program', () => {
  it('writes jobset_env.py and the script the command runs (train.py) with the sweeps of a link, and exits 0', async () => {
    const sweep = {
      index: 'JOB_INDEX' as const,
      axes: [{ name: 'lr', values: { kind: 'list' as const, values: [0.1, 0.01] } }],
    };
    // Two trials, one per point of the grid.
    const text = readFixture('hyperparameter-sweep').replace('count: 16', 'count: 2');
    const link = await encodeDesign({ text, settings: { sweeps: { trial: sweep } } });
    const out = join(dir, 'a');
    const r = await runCli(['program', `#${link!}`, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote');
    const env = readFileSync(join(out, 'jobset_env.py'), 'utf8');
    // The template's command is `python3 train.py`: the program is that file, not main.py.
    expect(text).toMatch(/command: .*python3 train\.py/);
    const main = readFileSync(join(out, 'train.py'), 'utf8');
    // The same files as the designer makes from the same design.
    const expected = podProgram({
      designName: null,
      groups: [{ name: 'trial', count: 2, completions: 1, parallelisms: 1 }],
      synchronous: [],
      sweeps: { trial: sweep },
      command: 'python3 train.py',
    });
    expect(expected.files.map((f) => f.path)).toEqual(['jobset_env.py', 'train.py']);
    expect(env).toBe(expected.files[0].text);
    expect(main).toBe(expected.files[1].text);
    expect(env).toContain('\\"lr\\"');
  });

  it('follows a script in a folder, and says what to change when the command names none', async () => {
    const text = readFixture('platform-main');
    const nested = await runCli(
      ['program', '-', '--out', join(dir, 'd')],
      text.replace(/command: .*/, 'command: "cd /app && python3 -u src/train.py --epochs 3"'),
    );
    expect(nested.code).toBe(0);
    expect(readFileSync(join(dir, 'd', 'src', 'train.py'), 'utf8')).toContain('def main():');
    expect(readFileSync(join(dir, 'd', 'src', 'jobset_env.py'), 'utf8')).toContain(
      'def wait_for_peers(',
    );
    const shell = await runCli(
      ['program', '-', '--out', join(dir, 'e')],
      text.replace(/command: .*/, 'command: "bash run.sh"'),
    );
    expect(shell.code).toBe(0);
    expect(readFileSync(join(dir, 'e', 'main.py'), 'utf8')).toContain('def main():');
    expect(shell.stderr).toContain(
      'names no Python script: change spec.command to "python3 -u main.py"',
    );
  });

  it('refuses a sweep that does not fit its group (exit 1); expand and validate say so', async () => {
    const sweep = {
      index: 'JOB_INDEX' as const,
      axes: [{ name: 'lr', values: { kind: 'list' as const, values: [0.1, 0.01, 0.001] } }],
    };
    const text = readFixture('hyperparameter-sweep'); // 16 trials, 3 points
    const link = `#${(await encodeDesign({ text, settings: { sweeps: { trial: sweep } } }))!}`;
    const out = join(dir, 'misfit');
    const r = await runCli(['program', link, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pods 3 to 15 have no point');
    expect(existsSync(out)).toBe(false);
    const expand = await runCli(['expand', link]);
    const json = JSON.parse(expand.stdout) as { valid: boolean; findings: { code: string }[] };
    expect(json.valid).toBe(true);
    expect(json.findings.map((f) => f.code)).toEqual(['sweep-does-not-fit']);
    const validate = await runCli(['validate', link]);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain(
      '<link>: setting warning sweep-does-not-fit: The sweep of "trial" has 3 points but 16 Jobs',
    );
  });

  it('writes nothing through a symbolic link planted in the folder (exit 2)', async () => {
    const out = join(dir, 'planted');
    mkdirSync(out);
    const target = join(dir, 'victim.txt');
    writeFileSync(target, 'precious\n');
    symlinkSync(target, join(out, 'jobset_env.py'));
    const r = await runCli(['program', fixturePath('platform-main'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link; nothing is written through it');
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    // A folder on the way that is a link is refused too.
    const out2 = join(dir, 'planted-folder');
    mkdirSync(out2);
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(out2, 'src'));
    const text = readFixture('platform-main').replace('python3 -u main.py', 'python3 src/train.py');
    const r2 = await runCli(['program', '-', '--out', out2], text);
    expect(r2.code).toBe(2);
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('writes nothing for an invalid manifest (1) or another operator (2)', async () => {
    const bad = await runCli(
      ['program', '-', '--out', join(dir, 'b')],
      readFixture('platform-main').replace('count: 5', 'count: -5'),
    );
    expect(bad.code).toBe(1);
    const other = await runCli(
      ['program', '-', '--out', join(dir, 'c')],
      readFixture('platform-main').replace('operator: jobset', 'operator: ray'),
    );
    expect(other.code).toBe(2);
  });
});
