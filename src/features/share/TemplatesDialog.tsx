/**
 * The template gallery's button: every platform example, and one per other operator, opened
 * over edits only after asking; either way one undo step. The gallery itself loads on first use.
 */
import { lazy, Suspense, useState } from 'react';
import './share.css';

const TemplatesDialog = lazy(() => import('./TemplatesGallery.tsx'));

export function TemplatesButton() {
  const [open, setOpen] = useState(false);
  // Closed (Esc, the close button, a template chosen): focus goes back to the button
  // (useModalDialog).
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Templates
      </button>
      {open && (
        <Suspense fallback={null}>
          <TemplatesDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
