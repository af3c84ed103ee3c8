/** The grid's groups with their descriptions, a page of them at a time, and the ids that describe the canvases. */
import { useMemo } from 'react';
import type { GridLayout } from '../../core/layout/grid.ts';
import { describeGroup } from '../../core/layout/gridNavigation.ts';
import { usePage } from '../../ui/usePage.ts';

/** Groups listed at once under the canvas. */
export const GROUPS_PAGE = 25;

export function useGroupDescriptions(grid: GridLayout) {
  // Once per layout, not per render: the lists below memoise on them.
  const ordered = useMemo(() => grid.groups.map((g) => g.figures), [grid]);
  const names = useMemo(() => ordered.map((g) => g.name), [ordered]);
  const page = usePage(ordered.length, GROUPS_PAGE);
  // The page's descriptions only, in its order: React keeps the previous render's memo too, so
  // one for every group of a large design would be held twice over.
  const descriptions = useMemo(
    () => ordered.slice(page.from, page.to).map(describeGroup),
    [ordered, page.from, page.to],
  );
  // The canvases are described by the groups listed below them (the page in view).
  const descriptionIds = [
    ordered.length > GROUPS_PAGE ? 'grid-summary' : '',
    ...ordered.slice(page.from, page.to).map((_, k) => `grid-description-${page.from + k}`),
  ]
    .filter(Boolean)
    .join(' ');
  return { ordered, names, descriptions, page, descriptionIds };
}
