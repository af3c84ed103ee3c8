// `jobset-designer program`: the same two files as the designer's Program view, into a folder,
// with a design link's sweeps.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { podProgram } from '../core/program/python.ts';
import { readFixture } from '../fixtures/read.ts';
import { encodeDesign } from '../state/persist/codec.ts';
import { runCli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'jobset-cli-program-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('program', () => {
  it('writes jobset_env.py and main.py with the sweeps of a link, and exits 0', async () => {
    const sweep = {
      index: 'JOB_INDEX' as const,
      axes: [{ name: 'lr', values: { kind: 'list' as const, values: [0.1, 0.01] } }],
    };
    const text = readFixture('hyperparameter-sweep');
    const link = await encodeDesign({ text, settings: { sweeps: { trial: sweep } } });
    const out = join(dir, 'a');
    const r = await runCli(['program', `#${link!}`, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote');
    const env = readFileSync(join(out, 'jobset_env.py'), 'utf8');
    const main = readFileSync(join(out, 'main.py'), 'utf8');
    // The same files as the designer makes from the same design.
    const expected = podProgram({
      designName: null,
      groups: [{ name: 'trial', count: 16, completions: 1, parallelisms: 1 }],
      synchronous: [],
      sweeps: { trial: sweep },
    });
    expect(env).toBe(expected['jobset_env.py']);
    expect(main).toBe(expected['main.py']);
    expect(env).toContain('\\"lr\\"');
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
