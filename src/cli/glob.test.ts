// Patterns the CLI expands itself (tinyglobby): which files `validate` reads, in which order and
// under which names, on real files in a folder of their own.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/read.ts';
import { runCli } from './run.ts';

const valid = readFixture('platform-main');
const long = `${'_'.repeat(200)}x.yml`;
const FILES = [
  'm/a.yaml',
  'm/b.yml',
  'm/notes.txt',
  'm/sub/c.yaml',
  'm/sub/e.yml',
  'm/sub/deep/d.yaml',
  'm/.dot.yaml',
  'm/.hidden/h.yaml',
  'm/node_modules/pkg/n.yaml',
  'lit/a[1].yaml',
  'lit/a1.yaml',
  'lit/{b}.yaml',
  'lit/c{1,2}.yaml',
  'lit/copy (1).yaml',
  'lit/!x.yaml',
  `long/${long}`,
  'long/1_2_3_4_5.yaml',
];

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobset-glob-'));
  for (const f of FILES) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), f.endsWith('.txt') ? 'not a manifest\n' : valid);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  files: { file: string; valid?: boolean; error?: string }[];
}

/** `validate --format json` on `args` in the test folder: exit code, files read, stderr. */
async function read(...args: string[]) {
  for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(true);
  const r = await runCli(['validate', '--format', 'json', ...args], '', dir);
  const report = r.stdout ? (JSON.parse(r.stdout) as Report) : { files: [] };
  return { code: r.code, files: report.files.map((f) => f.file), report, stderr: r.stderr };
}

describe('validate with patterns the CLI expands', () => {
  it('expands braces of names: m/{*.yaml,*.yml}', async () => {
    const r = await read('m/{*.yaml,*.yml}');
    expect(r.files).toEqual(['m/a.yaml', 'm/b.yml']);
    expect(r.code).toBe(0);
  });

  it('reads every file at any depth for a trailing **, but no dot names or node_modules: m/**', async () => {
    const r = await read('m/**');
    expect(r.files).toEqual([
      'm/a.yaml',
      'm/b.yml',
      'm/notes.txt',
      'm/sub/c.yaml',
      'm/sub/deep/d.yaml',
      'm/sub/e.yml',
    ]);
    expect(r.code).toBe(1); // notes.txt is no manifest
  });

  it('matches names at any depth, the folder itself included: m/**/*.yaml', async () => {
    const r = await read('m/**/*.yaml');
    expect(r.files).toEqual(['m/a.yaml', 'm/sub/c.yaml', 'm/sub/deep/d.yaml']);
    expect(r.code).toBe(0);
    // ** within a name is a star: it stays in its folder.
    expect((await read('m/**.yaml')).files).toEqual(['m/a.yaml']);
  });

  it('combines braces across folders with stars: m/{*,sub/*}.{yaml,yml} and {m,m/sub}/?.y*ml', async () => {
    const r = await read('m/{*,sub/*}.{yaml,yml}');
    expect(r.files).toEqual(['m/a.yaml', 'm/b.yml', 'm/sub/c.yaml', 'm/sub/e.yml']);
    expect(r.code).toBe(0);
    const folders = await read('{m,m/sub}/?.y*ml');
    expect(folders.files).toEqual(['m/a.yaml', 'm/b.yml', 'm/sub/c.yaml', 'm/sub/e.yml']);
  });

  it('reads a file once when patterns overlap; a name written otherwise is another input', async () => {
    const r = await read('m/*.yaml', 'm/**/*.yaml', 'm/a.yaml', 'm/{a,?}.yaml', './m/a.yaml');
    expect(r.files).toEqual(['m/a.yaml', 'm/sub/c.yaml', 'm/sub/deep/d.yaml', './m/a.yaml']);
    expect(r.stderr).toMatch(/^jobset-designer: 4 files checked: 4 valid, 0 invalid/m);
    // diff still compares a file with itself.
    const same = await runCli(['diff', 'm/a.yaml', 'm/*.yaml'], '', dir);
    expect(same.code).toBe(0);
  });

  it('reads a file whose name has [, ] or { as that file, not as a pattern', async () => {
    const r = await read('lit/a[1].yaml', 'lit/{b}.yaml', 'lit/c{1,2}.yaml');
    expect(r.files).toEqual(['lit/a[1].yaml', 'lit/{b}.yaml', 'lit/c{1,2}.yaml']);
    expect(r.code).toBe(0);
    // Missing, the same name is a pattern: [1] is the character 1.
    rmSync(join(dir, 'lit/a[1].yaml'));
    try {
      const p = await runCli(['validate', '--format', 'json', 'lit/a[1].yaml'], '', dir);
      expect((JSON.parse(p.stdout) as Report).files.map((f) => f.file)).toEqual(['lit/a1.yaml']);
    } finally {
      writeFileSync(join(dir, 'lit/a[1].yaml'), valid);
    }
  });

  it('reads (, ), !, + and @ as plain characters in a pattern, not as extglobs', async () => {
    const r = await read('lit/copy (1)*', 'lit/!*.yaml');
    expect(r.files).toEqual(['lit/copy (1).yaml', 'lit/!x.yaml']);
    expect(r.code).toBe(0);
  });

  it('reports a pattern that matches nothing by name, and exits 2', async () => {
    const r = await read('m/*.yaml', 'm/*.json');
    expect(r.code).toBe(2);
    expect(r.files).toEqual(['m/a.yaml', 'm/*.json']);
    expect(r.report.files[1]).toEqual({ file: 'm/*.json', error: 'no file matches m/*.json' });
    expect(r.stderr).toContain('jobset-designer: no file matches m/*.json\n');
  });

  it('matches dot names and node_modules only where the pattern names them', async () => {
    const r = await read('m/.*.yaml', 'm/.hidden/*.yaml', 'm/*/pkg/*.yaml', 'm/node_modules/**');
    expect(r.files).toEqual([
      'm/.dot.yaml',
      'm/.hidden/h.yaml',
      'm/*/pkg/*.yaml', // a star passes over node_modules
      'm/node_modules/pkg/n.yaml',
    ]);
    expect(r.stderr).toContain('jobset-designer: no file matches m/*/pkg/*.yaml\n');
  });

  it('keeps a pattern’s folder as written: absolute, ./ and \\ as a separator', async () => {
    const abs = await read(`${dir}/m/*.yml`);
    expect(abs.files).toEqual([`${dir}/m/b.yml`]);
    const dot = await read('./m/sub/*.yml');
    expect(dot.files).toEqual(['./m/sub/e.yml']);
    const win = await read('m\\sub\\*.yaml');
    expect(win.files).toEqual(['m/sub/c.yaml']);
    const up = await runCli(['validate', '--format', 'json', '../m/*.yml'], '', join(dir, 'lit'));
    expect((JSON.parse(up.stdout) as Report).files.map((f) => f.file)).toEqual(['../m/b.yml']);
  });

  it('matches a name with many stars in linear time, and refuses them in a folder name', async () => {
    const started = performance.now();
    const yaml = await read('long/*_*_*_*_*.yaml');
    expect(yaml.files).toEqual(['long/1_2_3_4_5.yaml']);
    const some = await read('long/*_*_*_*_*x.y?l', 'long/[0-9]_*_*_*_[!a-z].*');
    expect(some.files).toEqual([`long/${long}`, 'long/1_2_3_4_5.yaml']);
    expect(performance.now() - started).toBeLessThan(2000);
    const folder = await read('*_*_*_*_*/*.yaml');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(
      'jobset-designer: the pattern "*_*_*_*_*" has 5 stars in one name; more than 3 are only read in a file name without braces. Run jobset-designer --help for usage.\n',
    );
  });
});
