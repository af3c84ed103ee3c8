/**
 * "Your cluster": the free capacity the user has and which groups must run synchronously (design
 * settings), the simulated run on it, and what it found (cluster findings, with their fixes).
 */
import { useState } from 'react';
import { productOf, type GroupFigures } from '../../core/ui.ts';
import { useDesigner } from '../../state/store.ts';
import { selectExpansion, selectSchedule } from '../../state/selectors.ts';
import { CapacityFields } from './CapacityFields.tsx';
import { SimulatedRun } from './SimulatedRun.tsx';

export function ClusterPanel() {
  const expansion = useDesigner(selectExpansion);
  const capacity = useDesigner((s) => s.capacity);
  const schedule = useDesigner(selectSchedule);
  const [open, setOpen] = useState(capacity !== null);
  if (!expansion || !schedule) return null;
  const sim = schedule.simulated;
  const products = [...new Set(expansion.groups.filter((g) => g.pod.gpus).map(productOf))];
  return (
    <details className="cluster" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Your cluster</summary>
      {open && (
        <>
          <p className="note">
            Free capacity; leave a field empty for unlimited. What-if settings: they never change
            the manifest.
          </p>
          <CapacityFields products={products} />
          <SynchronousGroups groups={expansion.groups} />
          {schedule.tooLargeToSimulate && (
            <p className="note stale">
              This design is too large to simulate here (more than a million batches of pods).
            </p>
          )}
          {sim && <SimulatedRun sim={sim} groups={expansion.groups} />}
        </>
      )}
    </details>
  );
}

/** Which groups run synchronously: none of their pods works until all of them are up. */
function SynchronousGroups({ groups }: { groups: readonly GroupFigures[] }) {
  // What the run does: the design's choice (at once, as ticked), or while it names none, what
  // the analysis did (a distributed operator's groups are all synchronous by default).
  const synchronous = useDesigner((s) =>
    s.synchronous.length ? s.synchronous : (s.analysis?.synchronous ?? s.synchronous),
  );
  const setSynchronous = useDesigner((s) => s.setSynchronous);
  return (
    <fieldset className="sync">
      <legend>Runs synchronously (all pods must be up)</legend>
      {groups.map((g) => (
        <label key={g.name}>
          <input
            type="checkbox"
            checked={synchronous.includes(g.name)}
            onChange={(e) => setSynchronous(g.name, e.target.checked, synchronous)}
          />{' '}
          {g.name}
        </label>
      ))}
    </fieldset>
  );
}
