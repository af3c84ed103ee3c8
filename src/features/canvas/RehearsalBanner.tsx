/**
 * The rehearsal shown with the design (`jobset-designer rehearse`): what it was, how it went, and
 * a way to hide it. A link brings only a reference to its rehearsal: then it says which one and
 * how to see it (open its `rehearsal.json`).
 */
import { useMemo } from 'react';
import { driftOf } from '../../core/rehearse/actual.ts';
import { selectExpansion } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { formatNumber } from '../../ui/format.ts';

/** "2026-12-07 10:00 UTC": the record's start, as it was written (UTC). */
function whenText(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso.slice(0, 40);
}

const seconds = (x: number | null) => (x === null ? 'never' : `${formatNumber(x)} s`);

export function RehearsalBanner() {
  const rehearsal = useDesigner((s) => s.rehearsal);
  const setRehearsal = useDesigner((s) => s.setRehearsal);
  const expansion = useDesigner(selectExpansion);
  const record = rehearsal?.record ?? null;
  const drift = useMemo(
    () => (record && expansion ? driftOf(record, expansion.groups) : null),
    [record, expansion],
  );
  if (!rehearsal) return null;
  const { ref } = rehearsal;
  const ok = ref.pods - ref.failed;
  return (
    <div className="rehearsal-banner" role="region" aria-label="Rehearsal">
      <p>
        <strong>Rehearsal of {whenText(ref.startedAt)}</strong> ({ref.outcome}): {formatNumber(ok)}{' '}
        of {formatNumber(ref.pods)} pods succeeded
        {ref.failed ? `, ${formatNumber(ref.failed)} failed` : ''}.{' '}
        {record ? (
          <>
            Makespan {seconds(record.actual.makespan)} against {seconds(record.planned.makespan)}{' '}
            planned, at {formatNumber(record.options.secondsPerHour)} s per hour of pod time. The
            timeline shows it over the plan (dashed); failed pods are red. A pod&apos;s details show
            its exit code and the end of its log.
          </>
        ) : (
          <>
            This link holds only a reference to it: open its <code>rehearsal.json</code> (Share,
            Open file, or drop it here) to see it on the timeline.
          </>
        )}
        {drift && (drift.goneCount > 0 || drift.unrehearsed > 0) && (
          <strong className="rehearsal-drift">
            {' '}
            The design has changed since:{' '}
            {[
              drift.goneCount
                ? `${formatNumber(drift.goneCount)} rehearsed pod${drift.goneCount === 1 ? ' is' : 's are'} not in it now (${drift.gone.join(', ')}${drift.goneCount > drift.gone.length ? ', ...' : ''})`
                : '',
              drift.unrehearsed
                ? `${formatNumber(drift.unrehearsed)} of its pods ${drift.unrehearsed === 1 ? 'was' : 'were'} not rehearsed`
                : '',
            ]
              .filter(Boolean)
              .join('; ')}
            .
          </strong>
        )}
      </p>
      <button type="button" onClick={() => setRehearsal(null)}>
        {record ? 'Hide rehearsal' : 'Forget rehearsal'}
      </button>
    </div>
  );
}
