/** The comparison's figures: totals side by side with their deltas, and what happened to each group. */
import type { SettingChange } from '../../core/compare/settings.ts';
import type { DesignDiff, GroupChange } from '../../core/compare/diff.ts';
import { changeText, deltaText, figureText } from '../../core/compare/text.ts';

export function TotalsTable({ diff, a, b }: { diff: DesignDiff; a: string; b: string }) {
  return (
    <table className="compare-totals" aria-label="Totals compared">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">
            A<span className="visually-hidden">: {a}</span>
          </th>
          <th scope="col">
            B<span className="visually-hidden">: {b}</span>
          </th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {diff.totals.map((t) => {
          const d = deltaText(t.unit, t.delta);
          return (
            <tr key={t.key}>
              <th scope="row">{t.label}</th>
              <td>{figureText(t.unit, t.a, t.unfinished?.a)}</td>
              <td>{figureText(t.unit, t.b, t.unfinished?.b)}</td>
              <td className={t.delta ? (t.delta > 0 ? 'delta-up' : 'delta-down') : 'delta-none'}>
                {d}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const KIND_LABEL: Record<GroupChange['kind'], string> = {
  same: 'unchanged',
  changed: 'changed',
  renamed: 'renamed',
  added: 'added in B',
  removed: 'removed in B',
};

export function GroupChanges({ groups }: { groups: readonly GroupChange[] }) {
  if (groups.length === 0) return <p className="muted">Neither side has job groups.</p>;
  return (
    <ul className="compare-groups" aria-label="Groups compared">
      {groups.map((g) => {
        const name = g.kind === 'renamed' ? `${g.from} → ${g.to}` : g.name;
        const changes = g.kind === 'changed' || g.kind === 'renamed' ? g.changes : [];
        return (
          <li key={`${g.kind}:${name}`} className={`group-${g.kind}`}>
            <strong>{name}</strong> <span className="tag">{KIND_LABEL[g.kind]}</span>
            {changes.length > 0 && (
              <ul>
                {changes.map((c) => (
                  <li key={c.field}>{changeText(c)}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The settings that differ (sweeps, durations, synchronous groups, cluster, prices, name). */
export function SettingsTable({ changes }: { changes: readonly SettingChange[] }) {
  if (changes.length === 0)
    return (
      <p className="muted">
        The same settings: sweeps, pod durations, synchronous groups, cluster and prices.
      </p>
    );
  return (
    <table className="compare-settings" aria-label="Settings compared">
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.key}>
            <th scope="row">{c.label}</th>
            <td>{c.a ?? 'not set'}</td>
            <td>{c.b ?? 'not set'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
