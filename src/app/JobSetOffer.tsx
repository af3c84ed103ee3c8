/**
 * Where a Kubernetes JobSet is offered for conversion: a banner while the editor holds one, and
 * the dialog (loaded when first needed) for it or for one opened, dropped or pasted.
 */
import { lazy, Suspense } from 'react';
import { useDesigner } from '../state/store.ts';
import { selectHoldsJobSet } from '../state/selectors.ts';

const JobSetOfferDialog = lazy(() => import('../features/kubernetes/JobSetOffer.tsx'));

export function JobSetOffer() {
  const offer = useDesigner((s) => s.jobsetOffer);
  const holdsJobSet = useDesigner(selectHoldsJobSet);
  return (
    <>
      {holdsJobSet && (
        <div className="notices">
          <p className="notice" role="status">
            <span>The editor holds a Kubernetes JobSet, not an AIchor manifest.</span>
            <button
              type="button"
              onClick={() => {
                const s = useDesigner.getState();
                s.offerJobSet({ text: s.text, source: 'The text in the editor' });
              }}
            >
              Convert to an AIchor manifest…
            </button>
          </p>
        </div>
      )}
      {offer && (
        <Suspense fallback={null}>
          <JobSetOfferDialog />
        </Suspense>
      )}
    </>
  );
}
