/** Opens a file as the design (undoable), or says why not and changes nothing. */
import { useDesigner } from '../../state/store.ts';
import { importText, readDesignFile } from './importFile.ts';

export async function openFile(file: File): Promise<void> {
  const r = await readDesignFile(file);
  const s = useDesigner.getState();
  if (!r.ok) {
    s.notify(r.reason, 'error');
    return;
  }
  s.load(r.text);
  s.notify(`Opened "${file.name}". Undo brings the previous design back.`);
}

/**
 * Files dropped anywhere on the page are opened, and so is a manifest pasted anywhere outside an
 * editor or a field (pasting inside them edits as usual).
 */
export function installDropToOpen(): () => void {
  const paste = async (e: ClipboardEvent) => {
    const target = e.target as Element | null;
    if (target?.closest('input, textarea, select, [contenteditable], .monaco-editor')) return;
    const file = e.clipboardData?.files[0];
    if (file) {
      e.preventDefault();
      void openFile(file);
      return;
    }
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text.trim()) return;
    e.preventDefault();
    const r = await importText(text, 'pasted text');
    const s = useDesigner.getState();
    if (!r.ok) s.notify(r.reason, 'error');
    else {
      s.load(r.text);
      s.notify('Opened the pasted manifest. Undo brings the previous design back.');
    }
  };
  const onPaste = (e: ClipboardEvent) => void paste(e);
  document.addEventListener('paste', onPaste);
  const over = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void openFile(file);
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    document.removeEventListener('paste', onPaste);
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
