/**
 * The "Kubernetes" view: the design as a Kubernetes JobSet, live (the worker exports it while this
 * view shows), with its name, what did not carry over, and copy and download. A manifest that
 * cannot be exported says why, with its errors one click from their place.
 */
import { useId, type ReactNode } from 'react';
import {
  MEMORY_UNIT_NOTE,
  type Diagnostic,
  type JobSetExport,
  type NotCarried as NotCarriedItem,
} from '../../core/ui.ts';
import { useDesigner } from '../../state/store.ts';
import { selectJobSet, selectJobSetName } from '../../state/selectors.ts';
import { download } from '../../ui/download.ts';
import { useCopy } from '../../ui/useCopy.ts';
import './kubernetes.css';

interface Props {
  /** Shows YAML read-only (the app gives the code editor's viewer). */
  readonly renderYaml: (text: string, label: string) => ReactNode;
}

export function KubernetesPanel({ renderYaml }: Props) {
  const jobset = useDesigner(selectJobSet);
  const name = useDesigner(selectJobSetName);
  const setName = useDesigner((s) => s.setJobSetName);
  const nameId = useId();
  const problemsId = useId();
  const problems = jobset?.kind === 'bad-name' ? jobset.problems : [];
  const placeholder =
    jobset?.kind === 'exported' || jobset?.kind === 'bad-name' ? jobset.defaultName : 'experiment';

  return (
    <section className="panel kubernetes-panel" aria-labelledby="k8s-title">
      <h2 id="k8s-title" className="visually-hidden">
        Kubernetes JobSet
      </h2>
      <div className="k8s-toolbar">
        <label htmlFor={nameId}>JobSet name</label>
        <input
          id={nameId}
          type="text"
          value={name}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problems.length > 0}
          aria-describedby={problems.length ? problemsId : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <Actions jobset={jobset} />
      </div>
      {problems.length > 0 && (
        <div id={problemsId} className="field-problems" role="alert">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <Body jobset={jobset} renderYaml={renderYaml} />
    </section>
  );
}

function Actions({ jobset }: { jobset: JobSetExport | null }) {
  const notify = useDesigner((s) => s.notify);
  const { copied, copy: copyText } = useCopy((m) => notify(m, 'error'));
  const ready = jobset?.kind === 'exported' ? jobset : null;
  const why = !ready ? 'Nothing to copy or download until the design exports.' : undefined;
  const copy = async () => {
    if (ready) await copyText(ready.yaml, 'the JobSet');
  };
  return (
    <div className="k8s-actions">
      <button type="button" disabled={!ready} title={why} onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy YAML'}
      </button>
      <button
        type="button"
        disabled={!ready}
        title={why}
        onClick={() =>
          ready &&
          download(
            new Blob([ready.yaml], { type: 'application/yaml' }),
            `${ready.name}.jobset.yaml`,
          )
        }
      >
        Download
      </button>
      <span className="visually-hidden" role="status">
        {copied ? 'The JobSet YAML is copied.' : ''}
      </span>
    </div>
  );
}

function Body({ jobset, renderYaml }: { jobset: JobSetExport | null } & Props) {
  if (jobset === null) return <p className="muted">Exporting…</p>;
  switch (jobset.kind) {
    case 'exported':
      return (
        <>
          <p className="k8s-note muted">
            For the JobSet controller v0.7 or later. Groups are listed in type-name order, so
            JOB_GLOBAL_INDEX numbers the pods as the platform does. {MEMORY_UNIT_NOTE}
          </p>
          {renderYaml(jobset.yaml, 'Kubernetes JobSet YAML (read-only)')}
          <NotCarried items={jobset.notCarried} />
        </>
      );
    case 'bad-name':
      return <p className="muted">Choose a name Kubernetes accepts to see the JobSet.</p>;
    case 'invalid':
      return <Invalid errors={jobset.errors} />;
    case 'refused':
      return (
        <div role="alert" className="k8s-refused">
          <p>Kubernetes would refuse this JobSet:</p>
          <ul>
            {jobset.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      );
    case 'not-jobset':
      return (
        <p>
          Only a jobset manifest becomes a JobSet, or a pytorch, xgboost or jax one with a single{' '}
          <code>worker</code> type (0.2.3 runs them on JobSet); this one{' '}
          {jobset.operator ? (
            <>
              uses <code>{jobset.operator}</code>
            </>
          ) : (
            'has no spec.operator'
          )}
          .
        </p>
      );
  }
}

function NotCarried({ items }: { items: readonly NotCarriedItem[] }) {
  return (
    <section className="k8s-not-carried" aria-labelledby="k8s-not-carried-title">
      <h3 id="k8s-not-carried-title">
        {items.length ? `Not carried over (${items.length})` : 'Everything carried over'}
      </h3>
      {items.length > 0 ? (
        <ul>
          {items.map((n) => (
            <li key={n.path}>
              <code>{n.path}</code>: {n.reason}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Every part of the manifest has a JobSet counterpart.</p>
      )}
    </section>
  );
}

function Invalid({ errors }: { errors: readonly Diagnostic[] }) {
  const revealAt = useDesigner((s) => s.revealAt);
  return (
    <div className="k8s-invalid">
      <p>
        An invalid manifest is not exported. Fix{' '}
        {errors.length === 1 ? 'its error' : `its ${errors.length} errors`} first:
      </p>
      <ul>
        {errors.slice(0, 20).map((d) => (
          <li key={`${d.start}:${d.code}:${d.message}`}>
            <button
              type="button"
              className="link"
              onClick={() => revealAt({ target: 'yaml', start: d.start, end: d.end, path: d.path })}
            >
              Line {d.line}
            </button>{' '}
            {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
