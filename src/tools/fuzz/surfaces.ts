/**
 * The fuzz's other surfaces, each an input made from the seed and an oracle that knows the
 * answer without asking the code under test twice:
 * - links: a design's link, damaged; it opens exactly the design, or is refused, never another;
 * - file names: odd names through `validate --format sarif|github`; each location resolves back
 *   to the file;
 * - export: random designs as JobSets, against the CRD's schema and the webhook's rules (names,
 *   label values, whole-unit quantities never below the request);
 * - import: exported JobSets, mutated; every field of the input is carried over or reported,
 *   and every field the result adds or changes is reported where the input lacks it;
 * - diff: pairs of designs; each delta is the difference of `expand`'s figures;
 * - program: random sweeps through `program`; it compiles, and every pod's `params()` (run by
 *   Python) equals the designer's point, or raises where the designer has none.
 * A check returns the reason it failed, or null. Each family is in a file of its own
 * (linkSurface.ts, fileNameSurface.ts, exportSurface.ts, importSurface.ts, diffSurface.ts,
 * programSurface.ts), with its oracle where it is more than a few lines (jobsetRules.ts,
 * importOracle.ts).
 */
import { diffCase } from './diffSurface.ts';
import { exportCase } from './exportSurface.ts';
import { fileNameCase } from './fileNameSurface.ts';
import { importCase } from './importSurface.ts';
import { linkCase } from './linkSurface.ts';
import { programCase } from './programSurface.ts';
import type { SurfaceContext, SurfaceResult } from './surfaceTypes.ts';

export type { SurfaceContext, SurfaceResult } from './surfaceTypes.ts';
// The oracles, exported for their own tests (oracles.test.ts).
export { githubProperties } from './fileNameSurface.ts';
export { unaccounted } from './importOracle.ts';
export { jobsetProblems } from './jobsetRules.ts';

export const SURFACES = ['link', 'file-name', 'export', 'import', 'diff', 'program'] as const;
export type Surface = (typeof SURFACES)[number];

export function checkSurface(surface: Surface, ctx: SurfaceContext): Promise<SurfaceResult> {
  switch (surface) {
    case 'link':
      return linkCase(ctx);
    case 'file-name':
      return fileNameCase(ctx);
    case 'export':
      return exportCase(ctx);
    case 'import':
      return importCase(ctx);
    case 'diff':
      return diffCase(ctx);
    case 'program':
      return programCase(ctx);
  }
}
