/**
 * "Kueue": will the cluster's Kueue admit this design's JobSet, and if not, why and what blocks
 * it. The queues are a design setting (in the link), pasted as `kubectl` prints them; the
 * verdict is the core's (kueue/verdict.ts). The fields load when the section is first opened.
 */
import { lazy, Suspense, useState } from 'react';
import { useDesigner } from '../../state/store.ts';

const KueueFields = lazy(() => import('./KueueFields.tsx'));

export function KueuePanel() {
  const kueue = useDesigner((s) => s.kueue);
  const [open, setOpen] = useState(kueue !== null);
  return (
    <details className="kueue" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Kueue</summary>
      {open && (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <KueueFields />
        </Suspense>
      )}
    </details>
  );
}
