/** Opens a file as the design (undoable), or says why not and changes nothing. */
import type { RehearsalRecord } from '../../core/record/record.ts';
import { refOf } from '../../core/record/record.ts';
import { driftOf } from '../../core/rehearse/actual.ts';
import { decodeDesign } from '../../core/link/codec.ts';
import { pushDraft } from '../../state/persist/storage.ts';
import { designSettings } from '../../state/slices/design.ts';
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
  s.load(r.text, undefined, file.name);
  s.notify(`Opened "${file.name}". Undo brings the previous design back.`);
}

/**
 * A rehearsal record is shown with the design it rehearsed (its link): on the current design
 * when that is the one, else that design is opened with it, the current one kept in Drafts (as
 * a link does) and one undo away. A record without a link goes only onto a design that has every
 * one of its pods; one whose link cannot be read is refused.
 */
export async function openRehearsal(record: RehearsalRecord, source: string): Promise<void> {
  const rehearsal = { ref: refOf(record), record };
  const refuse = (why: string) =>
    useDesigner
      .getState()
      .notify(
        `The rehearsal in ${source} was not opened: ${why}. Your current design is unchanged.`,
        'error',
      );
  if (record.design.link) {
    const decoded = await decodeDesign(record.design.link);
    const s = useDesigner.getState();
    if (!decoded.ok)
      return refuse(`the link to the design it rehearsed cannot be read (${decoded.cause})`);
    if (decoded.design.text !== s.text) {
      const kept =
        !s.text.trim() ||
        pushDraft({ text: s.text, settings: designSettings(s), savedAt: Date.now() });
      s.load(decoded.design.text, { ...decoded.design.settings, rehearsal });
      s.notify(
        `Opened the rehearsal in ${source} with the design it ran. ${kept ? 'Your previous design is kept in Drafts, and Undo brings it back.' : 'Undo brings the previous design back (it could not be kept in Drafts: the browser\u2019s storage is full).'}`,
      );
      return;
    }
  } else {
    const missing = missingPod(record);
    if (missing) {
      return refuse(
        `it is of another design (this one has no pod ${missing}) and holds no link to it`,
      );
    }
  }
  useDesigner.getState().setRehearsal(rehearsal);
  useDesigner
    .getState()
    .notify(`Showing the rehearsal in ${source} on the timeline. Undo hides it.`);
}

/** The first pod of the record the current design does not have, or null. */
function missingPod(record: RehearsalRecord): string | null {
  const groups = useDesigner.getState().analysis?.expansion?.groups ?? [];
  return driftOf(record, groups).gone[0] ?? null;
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
