/**
 * The help dialog's ref and how to open it: from its button, or the ? key anywhere outside a text
 * field (where ? is a character) while no other dialog is open.
 */
import { useEffect, useRef } from 'react';
import { inTextField } from '../../ui/typing.ts';

export function useHelpDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const open = () => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || inTextField(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return { dialog, open };
}
