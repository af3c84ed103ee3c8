/**
 * A modal <dialog> shown while its component is mounted. The browser gives focus back to the
 * opener when a dialog closes, but not when React removes it first: the opener is remembered
 * and focused again when the dialog goes (Esc, a button, a choice made).
 */
import { useEffect, type RefObject } from 'react';

export function useModalDialog(ref: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const d = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    return () => {
      d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
}
