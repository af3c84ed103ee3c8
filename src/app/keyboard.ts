/**
 * Undo and redo from anywhere: one history for the YAML editor and the form. Monaco handles its
 * own keys (and calls the store); everywhere else Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y land here
 * instead of the browser's per-input undo.
 */
import { useDesigner } from '../state/store.ts';

/**
 * Undo or redo. A focused form field lets go first, so that it shows the restored value, and
 * takes the focus back once the core has checked the restored text (the form reads its values
 * from that check).
 */
export function undoRedo(which: 'undo' | 'redo'): void {
  const active = document.activeElement;
  const field = active instanceof HTMLInputElement && active.closest('form') ? active : null;
  field?.blur();
  useDesigner.getState()[which]();
  if (!field) return;
  const refocus = () => {
    requestAnimationFrame(() => field.isConnected && field.focus());
  };
  const { version, analysisVersion } = useDesigner.getState();
  if (analysisVersion >= version) {
    refocus();
    return;
  }
  const stop = useDesigner.subscribe((s) => {
    if (s.analysisVersion >= version) {
      stop();
      refocus();
    }
  });
}

export function installUndoKeys(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || !(e.ctrlKey || e.metaKey)) return;
    if (e.target instanceof Element && e.target.closest('.monaco-editor')) return;
    const key = e.key.toLowerCase();
    const which = key === 'z' ? (e.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : null;
    if (!which) return;
    e.preventDefault();
    undoRedo(which);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
