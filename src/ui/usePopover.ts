/**
 * A header popover (Share, Drafts, Problems): open and closed by its button, closed by Esc
 * (wherever focus is inside it) and by a pointer press outside. Esc gives focus back to the
 * button; an outside press leaves focus where the user pressed. A confirm dialog opened from the
 * popover (a modal <dialog>) is inside for this purpose, so its Esc closes only itself.
 */
import { useEffect, useRef, useState } from 'react';

export function usePopover() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return; // a modal dialog handles its own Esc
      // Esc is for what has focus: the popover (or its button), or nothing in particular.
      const at = document.activeElement;
      if (at && at !== document.body && !box.current?.contains(at)) return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (box.current?.contains(target)) return;
      if ((target as Element).closest?.('dialog[open]')) return;
      setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  /** Closes the popover and gives focus back to its button (after an action inside it). */
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return { open, setOpen, close, box, button };
}
