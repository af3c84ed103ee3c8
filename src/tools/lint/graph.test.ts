// The import graph of src/: no cycle, and the core's layers read one way. The checks are shown
// to catch what they look for on small graphs first, then run on the tree.
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/read.ts';
import { cycles, importGraph } from './graph.ts';
import { CORE_LAYERS, layerOf, upwardImports } from './layers.ts';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('the import graph', () => {
  it('finds cycles, long and short, and only those', () => {
    const g = graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [], e: ['e'], f: ['d'] });
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(cycles(graph({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('reads every kind of import from the tree, types apart', () => {
    const all = importGraph(REPO_ROOT);
    const runtime = importGraph(REPO_ROOT, { types: false });
    // A precondition: the tree is read (a core file, its imports, a dynamic one).
    expect(all.size).toBeGreaterThan(150);
    expect(all.get('src/core/analyze.ts')).toContain('src/core/manifest/parse.ts');
    expect(all.get('src/state/fixes.ts')).toContain('src/core/edit/fix.ts'); // import('...')
    // `import type` is a dependency of meaning, not of what runs.
    expect(all.get('src/state/slices/view.ts')).toContain('src/state/store.ts');
    expect(runtime.get('src/state/slices/view.ts')).not.toContain('src/state/store.ts');
  });

  it('has no cycle in what runs', () => {
    expect(cycles(importGraph(REPO_ROOT, { types: false }))).toEqual([]);
  });

  it('has no cycle of types but the store and its slices (Zustand slices, each typed by the whole store)', () => {
    const slices = cycles(importGraph(REPO_ROOT)).filter((c) => c.includes('src/state/store.ts'));
    expect(cycles(importGraph(REPO_ROOT))).toEqual(slices);
    expect(slices.flat().every((f) => /^src\/state\/(store|slices\/\w+)\.ts$/.test(f))).toBe(true);
  });
});

describe('the core in layers', () => {
  it('places every folder and top file of src/core in a layer', () => {
    const files = [...importGraph(REPO_ROOT).keys()].filter((f) => f.startsWith('src/core/'));
    expect(files.length).toBeGreaterThan(60);
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('sees an import that reads upward', () => {
    const g = graph({
      'src/core/jobset/pods.ts': ['src/core/schedule/plan.ts', 'src/core/manifest/parse.ts'],
    });
    expect(upwardImports(g)).toEqual(['src/core/jobset/pods.ts -> src/core/schedule/plan.ts']);
    expect(CORE_LAYERS.flat()).toContain('schedule');
  });

  it('reads one way: manifest -> jobset -> schedule -> sim and cost -> the views', () => {
    expect(upwardImports(importGraph(REPO_ROOT))).toEqual([]);
  });
});
