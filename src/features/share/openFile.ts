/** Opens a file as the design (undoable), or says why not and changes nothing. */
import type { RehearsalRecord } from '../../core/rehearse/record.ts';
import { refOf } from '../../core/rehearse/record.ts';
import { decodeDesign } from '../../state/persist/codec.ts';
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
  if (r.rehearsal) return openRehearsal(r.rehearsal, `"${file.name}"`);
  if (r.jobset) {
    s.offerJobSet({ text: r.text, source: `"${file.name}"` });
    return;
  }
  s.load(r.text);
  s.notify(`Opened "${file.name}". Undo brings the previous design back.`);
}

/**
 * A rehearsal record is shown with the design it rehearsed (its link): on the current design
 * when that is the one, else that design is opened with it (undo brings the previous one back).
 * A record without a link goes only onto a design that has every one of its pods.
 */
export async function openRehearsal(record: RehearsalRecord, source: string): Promise<void> {
  const rehearsal = { ref: refOf(record), record };
  const link = record.design.link;
  const decoded = link ? await decodeDesign(link) : null;
  const s = useDesigner.getState();
  if (decoded?.ok && decoded.design.text !== s.text) {
    s.load(decoded.design.text, { ...decoded.design.settings, rehearsal });
    s.notify(
      `Opened the rehearsal in ${source} with the design it ran. Undo brings the previous design back.`,
    );
    return;
  }
  if (!decoded?.ok) {
    const missing = missingPod(record);
    if (missing) {
      s.notify(
        `The rehearsal in ${source} was not opened: it is of another design (this one has no pod ${missing}) and holds no link to it. Your current design is unchanged.`,
        'error',
      );
      return;
    }
  }
  s.setRehearsal(rehearsal);
  s.notify(`Showing the rehearsal in ${source} on the timeline. Undo hides it.`);
}

/** The first pod of the record the current design does not have, or null. */
function missingPod(record: RehearsalRecord): string | null {
  const groups = useDesigner.getState().analysis?.expansion?.groups ?? [];
  const by = new Map(groups.map((g) => [g.name, g]));
  for (const p of record.pods) {
    const g = by.get(p.group);
    if (!g || p.jobIndex >= (g.count ?? 0) || p.podIndex >= (g.completions ?? 0)) return p.name;
  }
  return null;
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
    else if (r.rehearsal) await openRehearsal(r.rehearsal, 'the pasted rehearsal');
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
