// The README's folder table says where things are: every folder of src/, of the core and of
// the features is named in it, and every core folder it names exists (a moved one is not left).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/read.ts';
import { CORE_LAYERS } from './layers.ts';

const folders = (dir: string) =>
  readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name);

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
/** The table's row for `folder` (its second cell). */
const row = (folder: string) =>
  readme.split('\n').find((l) => l.startsWith(`| \`${folder}\``)) ?? '';

describe("the README's folder table", () => {
  it('has a row for every folder of src/', () => {
    const top = folders('src');
    expect(top).toContain('core');
    expect(top.filter((f) => !row(`src/${f}/`))).toEqual([]);
  });

  it('names every folder of the core and of the features in their rows', () => {
    const core = folders('src/core');
    expect(core.length).toBeGreaterThan(10);
    expect(core.filter((f) => !row('src/core/').includes(`\`${f}/\``))).toEqual([]);
    const features = folders('src/features');
    expect(features.filter((f) => !row('src/features/').includes(`\`${f}\``))).toEqual([]);
  });

  it('names no core folder that is not there, and the layers list only what is there', () => {
    const named = [...row('src/core/').matchAll(/`(\w+)\/`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    const core = new Set(folders('src/core'));
    expect(named.filter((f) => !core.has(f))).toEqual([]);
    const files = new Set(
      readdirSync(join(REPO_ROOT, 'src/core')).map((f) => f.replace(/\.ts$/, '')),
    );
    expect(CORE_LAYERS.flat().filter((f) => !core.has(f) && !files.has(f))).toEqual([]);
  });
});
