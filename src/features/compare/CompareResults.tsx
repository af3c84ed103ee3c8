/**
 * The comparison itself: which design is A and which B, the notes on what cannot be compared,
 * then the totals, groups, settings, both runs on one time scale and the YAML diff.
 */
import type { ReactNode } from 'react';
import type { DesignDiff } from '../../core/compare/diff.ts';
import type { SettingChange } from '../../core/compare/settings.ts';
import { GroupChanges, SettingsTable, TotalsTable } from './CompareTables.tsx';
import { CompareTimelines } from './CompareTimelines.tsx';
import { highlights, type Highlight, type Side } from './sides.ts';

export interface DiffProps {
  readonly a: Side;
  readonly b: Side;
  readonly tints: { readonly a: readonly Highlight[]; readonly b: readonly Highlight[] };
}

interface Props {
  readonly a: Side;
  readonly b: Side;
  /** Null while either design is being checked. */
  readonly diff: DesignDiff | null;
  readonly settingChanges: readonly SettingChange[];
  /** The YAML diff (the app gives the code editor's diff view). */
  readonly renderDiff: (props: DiffProps) => ReactNode;
}

function CompareBody({
  a,
  b,
  diff,
  settingChanges,
  renderDiff,
}: Omit<Props, 'diff'> & { readonly diff: DesignDiff }) {
  return (
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
  );
}

export function CompareResults(props: Props) {
  const { a, b, diff, settingChanges } = props;
  return (
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
          Figures are compared only when both designs can be figured (a readable manifest of an
          operator the platform runs): the tables below say nothing about how the runs differ.
        </p>
      )}
      {!diff ? (
        <p className="muted" role="status">
          Checking both designs…
        </p>
      ) : (
        <CompareBody {...props} diff={diff} />
      )}
    </>
  );
}
