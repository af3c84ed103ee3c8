/**
 * Paths built only where they are needed: a walk over a document of 10,000 groups meets
 * hundreds of thousands of entries and reports a handful, so each entry keeps a link to its
 * parent's path and a path is spelled out only for what is reported.
 */
import type { Path } from '../diagnostics.ts';

export interface PathLink {
  readonly parent: PathLink | null;
  readonly seg: string | number;
}

export function pathOf(link: PathLink | null): Path {
  const out: (string | number)[] = [];
  for (let l = link; l; l = l.parent) out.push(l.seg);
  return out.reverse();
}
