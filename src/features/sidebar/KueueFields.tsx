/** The Kueue section's fields and verdict (loaded on demand by KueuePanel). */
import { useId, useRef, type ReactNode } from 'react';
import type { Admission } from '../../core/kueue/admission.ts';
import { borrows, flavorsTaken } from '../../core/kueue/assign.ts';
import { LATEST_KUEUE, podSetLimit } from '../../core/kueue/admission.ts';
import { preemptionWords, startWords } from '../../core/kueue/judge.ts';
import type { LocalQueue } from '../../core/kueue/queues.ts';
import type { KueueResult } from '../../core/kueue/verdict.ts';
import type { KueueSetting } from '../../core/settings.ts';
import { useDesigner } from '../../state/store.ts';
import { KueueSetupForm } from './KueueSetupForm.tsx';

/** The releases whose PodSet limit differs, newest first: '' is the latest rules. */
const VERSIONS = ['', 'v0.18', 'v0.17'] as const;

const EMPTY: KueueSetting = { queues: '', localQueue: '', version: '' };

export default function KueueFields() {
  const kueue = useDesigner((s) => s.kueue) ?? EMPTY;
  const result = useDesigner((s) => s.analysis?.kueue ?? null);
  const setKueue = useDesigner((s) => s.setKueue);
  const id = useId();
  // From the store as it is when the change lands: a file read meanwhile, or another field
  // typed in, is kept.
  const update = (change: Partial<KueueSetting>) => {
    const next = { ...(useDesigner.getState().kueue ?? EMPTY), ...change };
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
      <YamlField
        id={`${id}-queues`}
        label={
          <>
            Queues: paste{' '}
            <code>
              kubectl get clusterqueues,resourceflavors,cohorts,localqueues,workloadpriorityclasses
              -o yaml
            </code>
          </>
        }
        name="the queues"
        rows={6}
        value={kueue.queues}
        current={() => useDesigner.getState().kueue?.queues ?? ''}
        placeholder={'apiVersion: v1\nkind: List\nitems: …'}
        set={(queues) => update({ queues })}
      />
      <KueueSetupForm queues={kueue.queues} write={(queues) => update({ queues })} />
      <YamlField
        id={`${id}-workloads`}
        label={
          <>
            Workloads, admitted and pending (optional):{' '}
            <code>kubectl get workloads -A -o yaml</code>
          </>
        }
        name="the workloads"
        rows={3}
        value={kueue.workloads ?? ''}
        current={() => useDesigner.getState().kueue?.workloads ?? ''}
        set={(workloads) => update({ workloads })}
      />
      <Choices kueue={kueue} localQueues={localQueues} update={update} />
      <Verdict result={result} />
    </div>
  );
}

/**
 * A field of kubectl YAML: typed or pasted, or read from files, chosen or dropped on it. A file
 * dropped here is these objects, not a design to open: it stays in the field. Files join what
 * the field holds as further documents, so nothing there is lost.
 */
function YamlField({
  id,
  name,
  label,
  rows,
  value,
  current,
  placeholder,
  set,
}: {
  id: string;
  /** What the field holds, in words: `the queues`. */
  name: string;
  label: ReactNode;
  rows: number;
  value: string;
  /** The field's text when a file's reading ends (it may have been typed in meanwhile). */
  current: () => string;
  placeholder?: string;
  set: (text: string) => void;
}) {
  const picker = useRef<HTMLInputElement>(null);
  const add = async (files: FileList | null) => {
    const texts = await Promise.all([...(files ?? [])].map((f) => f.text()));
    if (!texts.length) return;
    // Each part ends its line, so the next document's `---` starts one.
    const joined = [current(), ...texts]
      .filter((t) => t.trim())
      .map((t) => t.replace(/\n*$/, '\n'))
      .join('---\n');
    set(joined);
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(e) => set(e.target.value)}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          e.stopPropagation();
        }}
        onDrop={(e) => {
          if (!e.dataTransfer.files.length) return;
          e.preventDefault();
          e.stopPropagation();
          void add(e.dataTransfer.files);
        }}
      />
      <div className="kueue-file">
        <button
          type="button"
          aria-label={`Read ${name} from files`}
          onClick={() => picker.current?.click()}
        >
          From files…
        </button>
        <span className="note">or drop them on the field</span>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          accept=".yaml,.yml,.json,application/yaml,text/yaml"
          onChange={(e) => {
            void add(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
    </>
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
      {preemptionWords(result) && <p className="note">{preemptionWords(result)}</p>}
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
