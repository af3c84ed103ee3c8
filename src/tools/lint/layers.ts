/**
 * The core's layers, lowest first: a file imports only its own layer or those below, so the
 * core reads one way, from the text to the views of the run. Each entry names folders of
 * `src/core` (or files at its top).
 */
export const CORE_LAYERS: readonly (readonly string[])[] = [
  // Words, numbers and the shapes of problems: used everywhere, using nothing.
  ['own', 'never', 'format', 'quote', 'safe', 'slug', 'diagnostics', 'codeHelp'],
  // The text: reading it as the platform does, and editing it.
  ['manifest', 'edit'],
  // The design: groups and their figures, sweeps, the design settings, a rehearsal's record.
  ['jobset', 'operators', 'sweep', 'settings', 'record'],
  // The planned run on an unlimited cluster, pod by pod.
  ['schedule'],
  // The run on the user's cluster, and what it costs.
  ['sim', 'cost'],
  // The run as the views read it: the plan and the simulation together, with headline figures.
  ['run'],
  // What is made of a design: pictures, Kubernetes objects, programs, comparisons, links.
  ['layout', 'k8s', 'kueue', 'program', 'compare', 'rehearse', 'link', 'analysis'],
  // The entry points.
  ['analyze', 'internal', 'index', 'ui'],
];

/** The layer of a file of `src/core` (its folder, or its name at the top); -1 when unlisted. */
export function layerOf(file: string): number {
  const rest = file.replace(/^src\/core\//, '');
  const head = rest.includes('/') ? rest.split('/')[0]! : rest.replace(/\.tsx?$/, '');
  return CORE_LAYERS.findIndex((l) => l.includes(head));
}

/** Imports in the core that read upward (or from a file in no layer), as `from -> to`. */
export function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [from, tos] of graph) {
    if (!from.startsWith('src/core/')) continue;
    for (const to of tos) {
      if (!to.startsWith('src/core/')) continue;
      const a = layerOf(from);
      const b = layerOf(to);
      if (a < 0 || b < 0 || b > a) out.push(`${from} -> ${to}`);
    }
  }
  return out.sort();
}
