/** Opens a file as the design (undoable), or says why not and changes nothing. */
import { useDesigner } from '../../state/store.ts';
import { inTextField } from '../../ui/typing.ts';
import { importText, readDesignFile, type Imported } from './importFile.ts';

/** Reading needs the YAML reader, loaded on first use: if that fails, say so. */
async function guarded(read: () => Promise<Imported>): Promise<Imported> {
  try {
    return await read();
  } catch (err) {
    return {
      ok: false,
      reason: `The file reader could not be loaded (${String(err)}). Your current design is unchanged.`,
    };
  }
}

export async function openFile(file: File): Promise<void> {
  const r = await guarded(() => readDesignFile(file));
  const s = useDesigner.getState();
  if (!r.ok) {
    s.notify(r.reason, 'error');
    return;
  }
  if (r.jobset) {
    s.offerJobSet({ text: r.text, source: `"${file.name}"` });
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
    if (inTextField(e.target)) return;
    const file = e.clipboardData?.files[0];
    if (file) {
      e.preventDefault();
      void openFile(file);
      return;
    }
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text.trim()) return;
    e.preventDefault();
    const r = await guarded(() => importText(text, 'pasted text'));
    const s = useDesigner.getState();
    if (!r.ok) s.notify(r.reason, 'error');
    else if (r.jobset) s.offerJobSet({ text: r.text, source: 'The pasted text' });
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
