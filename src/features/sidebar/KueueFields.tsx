/** The Kueue section's fields and verdict (loaded on demand by KueuePanel). */
import { useId } from 'react';
import type { Admission } from '../../core/kueue/admission.ts';
import { borrows, flavorsTaken } from '../../core/kueue/assign.ts';
import { LATEST_KUEUE, podSetLimit } from '../../core/kueue/admission.ts';
import { startWords } from '../../core/kueue/judge.ts';
import type { LocalQueue } from '../../core/kueue/queues.ts';
import type { KueueResult } from '../../core/kueue/verdict.ts';
import type { KueueSetting } from '../../core/settings.ts';
import { useDesigner } from '../../state/store.ts';

/** The releases whose PodSet limit differs, newest first: '' is the latest rules. */
const VERSIONS = ['', 'v0.18', 'v0.17'] as const;

const EMPTY: KueueSetting = { queues: '', localQueue: '', version: '' };

export default function KueueFields() {
  const kueue = useDesigner((s) => s.kueue) ?? EMPTY;
  const result = useDesigner((s) => s.analysis?.kueue ?? null);
  const setKueue = useDesigner((s) => s.setKueue);
  const id = useId();
  const update = (change: Partial<KueueSetting>) => {
    const next = { ...kueue, ...change };
    // Cleared whole, the setting goes (and the link with it); any field kept keeps it.
    const empty =
      !next.queues.trim() &&
      !next.localQueue &&
      !next.version &&
      !next.priorityClass &&
      !next.workloads?.trim();
    setKueue(empty ? null : next);
  };
  const localQueues = result?.kind === 'verdict' ? result.localQueues : [];
  return (
    <div className="kueue-fields">
      <label htmlFor={`${id}-queues`}>
        Queues: paste{' '}
        <code>kubectl get clusterqueues,resourceflavors,cohorts,localqueues -o yaml</code>
      </label>
      <textarea
        id={`${id}-queues`}
        rows={6}
        spellCheck={false}
        value={kueue.queues}
        placeholder="apiVersion: v1&#10;kind: List&#10;items: …"
        onChange={(e) => update({ queues: e.target.value })}
      />
      <label htmlFor={`${id}-workloads`}>
        Admitted workloads (optional): <code>kubectl get workloads -A -o yaml</code>
      </label>
      <textarea
        id={`${id}-workloads`}
        rows={3}
        spellCheck={false}
        value={kueue.workloads ?? ''}
        onChange={(e) => update({ workloads: e.target.value })}
      />
      <Choices kueue={kueue} localQueues={localQueues} update={update} />
      <Verdict result={result} />
    </div>
  );
}

/** Which LocalQueue, the priority class asked for, and the Kueue release whose rules apply. */
function Choices({
  kueue,
  localQueues,
  update,
}: {
  kueue: KueueSetting;
  localQueues: readonly LocalQueue[];
  update: (change: Partial<KueueSetting>) => void;
}) {
  return (
    <div className="kueue-choices">
      {localQueues.length > 1 || kueue.localQueue ? (
        <label>
          LocalQueue{' '}
          <select value={kueue.localQueue} onChange={(e) => update({ localQueue: e.target.value })}>
            <option value="">(the only one)</option>
            {kueue.localQueue &&
              !localQueues.some((q) => `${q.namespace}/${q.name}` === kueue.localQueue) && (
                <option value={kueue.localQueue}>{kueue.localQueue}</option>
              )}
            {localQueues.map((q) => (
              <option key={`${q.namespace}/${q.name}`} value={`${q.namespace}/${q.name}`}>
                {q.namespace}/{q.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        Priority class{' '}
        <input
          type="text"
          size={12}
          spellCheck={false}
          value={kueue.priorityClass ?? ''}
          placeholder="none"
          onChange={(e) => update({ priorityClass: e.target.value })}
        />
      </label>
      <label>
        Kueue{' '}
        <select value={kueue.version} onChange={(e) => update({ version: e.target.value })}>
          {(VERSIONS.includes(kueue.version as (typeof VERSIONS)[number])
            ? VERSIONS
            : [...VERSIONS, kueue.version]
          ).map((v) => (
            <option key={v} value={v}>
              {versionLabel(v)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function versionLabel(v: string): string {
  if (!v) return `${LATEST_KUEUE} or later`;
  const limit = podSetLimit(v);
  return limit === null
    ? `${v} (not a release: the latest rules)`
    : `${v} (at most ${limit} PodSets)`;
}

function Verdict({ result }: { result: KueueResult | null }) {
  if (!result) return null;
  switch (result.kind) {
    case 'problems':
      return (
        <ul className="kueue-problems" aria-label="Problems in the queues">
          {result.problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      );
    case 'no-jobset':
      return <p className="note stale">No verdict: {result.reason}.</p>;
    case 'verdict':
      return <AdmissionView result={result} />;
  }
}

const HEADLINE: Readonly<Record<Admission['verdict'], string>> = {
  admitted: 'Admitted now',
  waits: 'Waits for quota',
  never: 'Never, with these queues',
  'too-many-podsets': 'Never: too many PodSets',
};

/** A PodSet's outcome in a word. */
function fits(p: Admission['assignment']['podSets'][number]): string {
  if (p.mode === 'Fit') return borrows(p) ? 'borrows' : 'fits';
  return p.noFitReason === 'WaitingForQuota' ? 'waits' : 'does not fit';
}

function AdmissionView({ result }: { result: KueueResult & { kind: 'verdict' } }) {
  const { admission: a, verdict, admitted, pending } = result;
  // The quota could take it now, and the queue holds it: the summary says why.
  const held = verdict !== a.verdict;
  const when = startWords(result.start);
  const rows = a.assignment.podSets;
  return (
    <div className={`kueue-verdict ${verdict}`} role="status" aria-label="Kueue verdict">
      <p>
        <strong>{held ? 'Waits for its turn' : HEADLINE[verdict]}</strong> in{' '}
        {a.localQueue.namespace}/{a.localQueue.name} (ClusterQueue {a.localQueue.clusterQueue})
      </p>
      <p className="summary">
        {held
          ? result.summary
          : `${a.verdict === 'admitted' && a.assignment.borrowing ? 'Borrowing from its cohort: ' : ''}${a.detail}`}
      </p>
      {when && <p className="summary">{when}</p>}
      {(admitted > 0 || pending > 0) && (
        <p className="note">
          {admitted} admitted and {pending} pending workload(s) counted.
        </p>
      )}
      {result.missingPriorityClass && (
        <p className="note">
          WorkloadPriorityClass {result.missingPriorityClass} is not in the queues: its priority
          counts as 0.
        </p>
      )}
      {a.verdict !== 'too-many-podsets' && a.assignment.message && (
        <p className="note">
          Kueue says: <q>{a.assignment.message}</q>
        </p>
      )}
      {rows.length > 0 && (
        <ul className="kueue-podsets" aria-label="PodSets">
          {rows.slice(0, 50).map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>: {p.count} pods, {flavorsTaken(p).join(', ') || 'no flavor'}
              , {fits(p)}
            </li>
          ))}
        </ul>
      )}
      {result.skipped.length > 0 && (
        <p className="note">{result.skipped.length} object(s) of other kinds skipped.</p>
      )}
    </div>
  );
}
