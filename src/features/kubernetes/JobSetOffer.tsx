/**
 * A Kubernetes JobSet brought into the designer (opened, dropped, pasted, or sitting in the
 * editor) is offered for conversion: the dialog shows what would not carry over, and converting
 * replaces the design in one step that undo takes back.
 */
import { useEffect, useState } from 'react';
import type { JobSetImport } from '../../core/ui.ts';
import type { JobSetOffer } from '../../state/slices/view.ts';
import { useDesigner } from '../../state/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import './kubernetes.css';

export default function JobSetOfferDialog() {
  const offer = useDesigner((s) => s.jobsetOffer);
  const close = () => useDesigner.getState().offerJobSet(null);
  // The conversion of the offer it was made for: a newer offer waits for its own.
  const [done, setDone] = useState<{ of: JobSetOffer; result: JobSetImport | 'failed' } | null>(
    null,
  );

  useEffect(() => {
    if (!offer) return;
    let live = true;
    import('../../core/k8s/import.ts')
      .then(({ importJobSet }) => live && setDone({ of: offer, result: importJobSet(offer.text) }))
      .catch(() => live && setDone({ of: offer, result: 'failed' }));
    return () => {
      live = false;
    };
  }, [offer]);

  if (!offer || done?.of !== offer) return null;
  const result = done.result;
  if (result === 'failed' || result.kind !== 'imported') {
    const why =
      result === 'failed'
        ? 'the converter could not be loaded'
        : result.reason.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
    return (
      <ConfirmDialog
        title="This JobSet cannot be converted"
        confirm="Close"
        onConfirm={close}
        onCancel={close}
      >
        <p>
          {offer.source} looks like a Kubernetes JobSet, but {why}. Your design is unchanged.
        </p>
      </ConfirmDialog>
    );
  }
  const convert = () => {
    const s = useDesigner.getState();
    s.load(result.manifest);
    s.offerJobSet(null);
    const lost = result.report.filter((i) => i.severity === 'warning').map((i) => i.path);
    s.notify(
      `Converted the JobSet${result.name ? ` "${result.name}"` : ''} into an AIchor manifest${
        lost.length ? `; not carried over: ${lost.join(', ')}` : ''
      }. Undo brings the previous design back.`,
    );
  };
  return (
    <ConfirmDialog
      title="Convert this Kubernetes JobSet?"
      confirm="Convert to an AIchor manifest"
      onConfirm={convert}
      onCancel={close}
    >
      <p>
        {offer.source} is a Kubernetes JobSet{result.name ? ` (${result.name})` : ''}. Converting
        replaces the current design with its AIchor manifest; undo brings the current design back.
      </p>
      <ImportReport report={result.report} />
    </ConfirmDialog>
  );
}

function ImportReport({ report }: { report: (JobSetImport & { kind: 'imported' })['report'] }) {
  if (report.length === 0) return <p>Everything in the JobSet carries over.</p>;
  return (
    <>
      <h3 className="import-report-title">What does not carry over as it is ({report.length})</h3>
      <ul className="import-report" aria-label="Import report">
        {report.map((i) => (
          <li key={`${i.path}:${i.message}`} className={`import-${i.severity}`}>
            <span className="visually-hidden">{i.severity}: </span>
            <code title={i.path}>{i.place}</code>: {i.message}
          </li>
        ))}
      </ul>
    </>
  );
}
