/**
 * The import graph of `src/` (its sources, tests aside), read from the text: every static import,
 * re-export and dynamic import with a relative path, resolved to a file. For the checks that
 * the tree has no cycle and that the core's layers read one way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** An import or re-export (group 1: `type` when it brings types only; 2: its path), a dynamic import (3), a side-effect import (4). */
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s)?[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]|\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]/g;

const isSource = (f: string) =>
  /\.(ts|tsx)$/.test(f) && !/\.(test|spec)\.tsx?$/.test(f) && !f.endsWith('.d.ts');

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (isSource(e.name)) out.push(p);
  }
  return out;
}

/**
 * File (relative to `root`) -> the files of `src/` it imports. `types`: also the imports that
 * bring only types (erased from what runs, but still a dependency of the code's meaning).
 */
export function importGraph(
  root: string,
  { under = 'src', types = true }: { under?: string; types?: boolean } = {},
): Map<string, string[]> {
  const files = walk(join(root, under));
  const known = new Set(files.map((f) => relative(root, f)));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const to = new Set<string>();
    for (const m of text.matchAll(IMPORT)) {
      if (m[1] && !types) continue;
      const spec = m[2] ?? m[3] ?? m[4]!;
      const target = relative(root, resolve(dirname(file), spec));
      if (known.has(target)) to.add(target);
    }
    graph.set(relative(root, file), [...to].sort());
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components of more than one file (or a self-import). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iteratively (deep import chains would overflow a recursive one).
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  for (const start of graph.keys()) {
    if (idx.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) {
        idx.set(v, index);
        low.set(v, index++);
        stack.push(v);
        on.add(v);
      }
      const next = graph.get(v) ?? [];
      if (i < next.length) {
        frame[1] = i + 1;
        const w = next[i]!;
        if (!idx.has(w)) work.push([w, 0]);
        else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(v)!));
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
      }
    }
  }
  return out;
}
