/** What the compare dialog shows: both sides, how their figures and their settings differ. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareDesigns } from '../../core/compare/diff.ts';
import { compareSettings } from '../../core/compare/settings.ts';
import { selectDesignName } from '../../state/selectors.ts';
import { designSettings } from '../../state/slices/design.ts';
import { useDesigner } from '../../state/store.ts';
import { sidesOf } from './sides.ts';

export function useComparison() {
  const name = useDesigner(selectDesignName);
  const comparison = useDesigner((s) => s.comparison);
  const input = useDesigner(
    useShallow((s) => ({
      comparison: s.comparison,
      otherAnalysis: s.otherAnalysis,
      text: s.text,
      analysis: s.analysis,
      analysisVersion: s.analysisVersion,
      version: s.version,
    })),
  );
  const sides = useMemo(() => sidesOf(input, `${name} (current)`), [input, name]);
  const [a, b] = sides ?? [null, null];
  const aAnalysis = a?.analysis ?? null;
  const bAnalysis = b?.analysis ?? null;
  const diff = useMemo(
    () => (aAnalysis && bAnalysis ? compareDesigns(aAnalysis, bAnalysis) : null),
    [aAnalysis, bAnalysis],
  );
  const other = sides?.find((s) => !s.current);
  // The settings too: a sweep, a synchronous group or a cluster changes no count, but the run.
  const current = useDesigner(useShallow(designSettings));
  const settingChanges = useMemo(() => {
    if (!comparison) return [];
    const theirs = comparison.other.settings;
    return comparison.currentFirst
      ? compareSettings(current, theirs)
      : compareSettings(theirs, current);
  }, [comparison, current]);
  return { comparison, a, b, diff, other, settingChanges };
}
