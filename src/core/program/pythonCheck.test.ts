// The pod program's Python read by Python's own tools: the asset jobset_env.py compiles and
// pyflakes finds nothing in it, nor in any program the designer writes (every template, with a
// sweep, for a rehearsal). pyflakes is pinned and installed for the tests (src/tools/deps.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePythonTools, PYTHON_TOOLS } from '../../tools/deps.mjs';
import { readFixture } from '../../fixtures/read.ts';
import { CATALOG } from '../../templates/catalog.ts';
import { analyze } from '../analyze.ts';
import { podProgram, programInput } from './python.ts';

const ASSET = join(import.meta.dirname, 'jobset_env.py');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pyflakes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Python's verdict on files: compiled (no cache written beside them), then pyflakes. */
function check(files: Record<string, string>): { compile: string; flakes: string } {
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const env = { ...process.env, PYTHONPATH: PYTHON_TOOLS, PYTHONDONTWRITEBYTECODE: '1' };
  const compile = spawnSync(
    'python3',
    ['-c', 'import ast, sys\nfor p in sys.argv[1:]: ast.parse(open(p).read(), p)', ...paths],
    { encoding: 'utf8', env },
  );
  const flakes = spawnSync('python3', ['-m', 'pyflakes', ...paths], { encoding: 'utf8', env });
  if (compile.error || flakes.error) throw compile.error ?? flakes.error;
  return {
    compile: `${compile.status}${compile.stderr}`,
    flakes: `${flakes.status}${flakes.stdout}${flakes.stderr}`,
  };
}

describe("the pod program's Python, by Python's tools", () => {
  it('has pyflakes, pinned, to read it', () => {
    expect(ensurePythonTools()).toBe(true);
    const v = spawnSync('python3', ['-m', 'pyflakes', '--version'], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: PYTHON_TOOLS },
    });
    expect(v.stdout).toMatch(/^4\.0\.0/);
  });

  it('sees a flaw where there is one (the check can fail)', () => {
    const asset = readFileSync(ASSET, 'utf8');
    const r = check({ 'broken.py': `${asset}\nprint(undefined_name)\nimport json\n` });
    expect(r.compile).toBe('0');
    expect(r.flakes).toMatch(/undefined name 'undefined_name'/);
    expect(check({ 'syntax.py': 'def f(:\n' }).compile).toMatch(/^1.*SyntaxError/s);
  });

  it('finds nothing in the asset jobset_env.py as it is written', () => {
    expect(check({ 'jobset_env.py': readFileSync(ASSET, 'utf8') })).toEqual({
      compile: '0',
      flakes: '0',
    });
  });

  it('finds nothing in any program it writes: every template, a sweep, a rehearsal', () => {
    let checked = 0;
    for (const { id } of CATALOG) {
      const a = analyze(readFixture(id));
      const group = a.expansion!.groups[0]!.name;
      const sweeps = {
        [group]: {
          index: 'JOB_INDEX' as const,
          axes: [{ name: 'lr', values: { kind: 'list' as const, values: [0.1, 0.01] } }],
        },
      };
      for (const rehearsal of [false, true]) {
        const input = programInput(a.expansion!, { sweeps }, a.view?.name ?? id, null);
        const program = podProgram({ ...input, rehearsal });
        const files = Object.fromEntries(
          program.files.map((f) => [`${id}-${rehearsal}-${f.path.replace(/\//g, '_')}`, f.text]),
        );
        expect(Object.keys(files)).toHaveLength(2);
        expect(check(files), `${id}, rehearsal ${rehearsal}`).toEqual({
          compile: '0',
          flakes: '0',
        });
        checked++;
      }
    }
    expect(checked).toBe(CATALOG.length * 2);
  });
});
