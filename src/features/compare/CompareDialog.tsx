/**
 * Compare the current design with another: the totals and their deltas, what happened to each
 * group, both runs on one time scale, and the YAML diff with the same groups tinted. Swap the
 * sides, or make the other design the current one; the comparison is part of the link.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareDesigns } from '../../core/compare/diff.ts';
import { compareSettings } from '../../core/compare/settings.ts';
import { designSettings } from '../../state/slices/design.ts';
import { useDesigner } from '../../state/store.ts';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import { selectDesignName } from '../../state/selectors.ts';
import { ComparePicker } from './ComparePicker.tsx';
import { GroupChanges, SettingsTable, TotalsTable } from './CompareTables.tsx';
import { CompareTimelines } from './CompareTimelines.tsx';
import { highlights, sidesOf, type Highlight, type Side } from './sides.ts';
import './compare.css';

export interface DiffProps {
  readonly a: Side;
  readonly b: Side;
  readonly tints: { readonly a: readonly Highlight[]; readonly b: readonly Highlight[] };
}

interface Props {
  /** The YAML diff (the app gives the code editor's diff view). */
  readonly renderDiff: (props: DiffProps) => ReactNode;
}

export default function CompareDialog({ renderDiff }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
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
  const [picking, setPicking] = useState(false);
  const close = () => useDesigner.getState().setCompareOpen(false);

  useModalDialog(ref);

  const pick = (other: Parameters<ReturnType<typeof useDesigner.getState>['startCompare']>[0]) => {
    // Old -> new by default: the other design is A, the current one (the new) is B.
    useDesigner.getState().startCompare(other, comparison?.currentFirst ?? false);
    setPicking(false);
  };
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

  return (
    <dialog
      ref={ref}
      className="compare-dialog"
      aria-labelledby="compare-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <div className="compare-head">
        <h2 id="compare-title">Compare designs</h2>
        {comparison && (
          <>
            <button type="button" onClick={() => useDesigner.getState().swapCompare()}>
              Swap sides
            </button>
            <button type="button" onClick={() => useDesigner.getState().makeOtherCurrent()}>
              Make {other?.label ?? 'the other design'} the current design
            </button>
            <button type="button" aria-expanded={picking} onClick={() => setPicking(!picking)}>
              Compare with another…
            </button>
            <button type="button" onClick={() => useDesigner.getState().endCompare()}>
              End comparison
            </button>
          </>
        )}
        <button type="button" className="compare-close" onClick={close}>
          Close
        </button>
      </div>
      {(!comparison || picking) && <ComparePicker onPick={pick} />}
      {a && b && (
        <>
          <p className="compare-sides">
            <span>
              <b>A</b>: {a.label}
            </span>
            <span>
              <b>B</b>: {b.label}
            </span>
            {diff?.same && settingChanges.length === 0 && (
              <span className="tag">They run the same.</span>
            )}
          </p>
          {diff && diff.operators.a !== diff.operators.b && (
            <p className="note" data-testid="compare-operators">
              Operator: {diff.operators.a ?? 'none'} → {diff.operators.b ?? 'none'}.
            </p>
          )}
          {diff && !diff.compared && (
            <p className="note">
              Figures are compared for jobset designs only: the tables below say nothing about how
              the runs differ.
            </p>
          )}
          {!diff ? (
            <p className="muted" role="status">
              Checking both designs…
            </p>
          ) : (
            <div className="compare-body">
              <section aria-labelledby="compare-totals-title">
                <h3 id="compare-totals-title">Totals</h3>
                <TotalsTable diff={diff} a={a.label} b={b.label} />
              </section>
              <section aria-labelledby="compare-groups-title">
                <h3 id="compare-groups-title">Groups</h3>
                <GroupChanges groups={diff.groups} />
              </section>
              <section aria-labelledby="compare-settings-title">
                <h3 id="compare-settings-title">Settings</h3>
                <SettingsTable changes={settingChanges} />
              </section>
              <section aria-labelledby="compare-timelines-title" className="compare-wide">
                <h3 id="compare-timelines-title">Both runs on one time scale</h3>
                <CompareTimelines sides={[a, b]} />
              </section>
              <section aria-labelledby="compare-yaml-title" className="compare-wide">
                <h3 id="compare-yaml-title">YAML (A left, B right)</h3>
                {renderDiff({ a, b, tints: highlights(diff.groups, a.analysis, b.analysis) })}
              </section>
            </div>
          )}
        </>
      )}
    </dialog>
  );
}
