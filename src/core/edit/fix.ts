/** A diagnostic's fix (data) as a text edit of the text it is applied to. */
import type { Fix } from '../diagnostics.ts';
import { addEntry, removeEntry, renameEntry, setValue } from './edit.ts';
import { chain, type EditResult } from './text.ts';

export function fixEdit(text: string, fix: Fix): EditResult {
  switch (fix.op) {
    case 'set':
      return setValue(text, fix.path, fix.value, fix.after);
    case 'rename':
      return renameEntry(text, fix.path, fix.to);
    case 'remove':
      return removeEntry(text, fix.path);
    case 'insert':
      return addEntry(text, fix.path, fix.key, fix.value, fix.after);
    case 'replace-text':
      return text.slice(fix.start, fix.end) === fix.expect
        ? { ok: true, edit: { start: fix.start, end: fix.end, text: fix.text } }
        : { ok: false, reason: 'The text changed since the problem was found.' };
    case 'all':
      return chain(text, ...fix.fixes.map((f) => (t: string) => fixEdit(t, f)));
  }
}
