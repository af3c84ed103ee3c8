/** Opens a file as the design (undoable), or says why not and changes nothing. */
import { useDesigner } from '../../state/store.ts';
import { readDesignFile } from './importFile.ts';

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

/** Files dropped anywhere on the page are opened. */
export function installDropToOpen(): () => void {
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
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
