// The package as a user gets it: packed (which compiles the command), installed from the
// tarball in a project of its own, and run with npx. No network: the package has no dependency
// (resvg and its font, for PNG pictures, are optional peers, not installed here).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture, REPO_ROOT, withTypes } from '../fixtures/read.ts';

const work = mkdtempSync(join(tmpdir(), 'jobset-package-'));
const project = join(work, 'project');
let files: string[] = [];

beforeAll(() => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), '{ "name": "my-experiments", "private": true }\n');
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', join(work, packed[0]!.filename)],
    { cwd: project, stdio: 'pipe' },
  );
  writeFileSync(join(project, 'manifest.yaml'), readFixture('platform-main'));
  writeFileSync(join(project, 'broken.yaml'), withTypes('    worker:\n      count: -3\n'));
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npx = (...args: string[]) =>
  spawnSync('npx', ['jobset-designer', ...args], { cwd: project, encoding: 'utf8' });

describe('the packed package', () => {
  it('renders SVG pictures with nothing more; PNG says what it needs', () => {
    const svg = npx('render', 'manifest.yaml', '--view', 'timeline');
    expect(svg.status).toBe(0);
    expect(svg.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.stdout).toContain('>hours<');
    const png = npx('render', 'manifest.yaml', '--out', 'manifest.png');
    expect(png.status).toBe(2);
    expect(png.stderr).toContain('PNG needs @resvg/resvg-js and dejavu-fonts-ttf');
  });

  it('ships the compiled command and the schema, and no TypeScript', () => {
    expect(files).toContain('build/cli/jobset-designer.mjs');
    expect(files).toContain('public/manifest.schema.json');
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    const installed = JSON.parse(
      readFileSync(join(project, 'node_modules', 'jobset-designer', 'package.json'), 'utf8'),
    );
    expect(installed.dependencies ?? {}).toEqual({});
  });

  it('runs `npx jobset-designer validate` in the project that installed it', () => {
    const ok = npx('validate', 'manifest.yaml');
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain('manifest.yaml: valid');
    const bad = npx('validate', '--format', 'github', '*.yaml');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^::error file=broken\.yaml,line=10,col=14,.*title=out-of-range::/m);
    expect(bad.stderr).toContain('2 files checked: 1 valid, 1 invalid');
  });
});
