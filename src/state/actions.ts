/** Actions that combine the core with the store: form edits and quick fixes become text edits. */
import type { Fix } from '../core/diagnostics.ts';
import { fixEdit } from '../core/edit/fix.ts';
import { applyEdit, type EditResult } from '../core/edit/text.ts';
import { useDesigner } from './store.ts';

/**
 * Applies an edit computed from the *current* text (never from a possibly stale analysis), as
 * one undo step, or one step per burst when `burst` is given (typing into a form field).
 */
export function editText(make: (text: string) => EditResult, burst?: string): boolean {
  const { text, commit, setEditError } = useDesigner.getState();
  const result = make(text);
  if (!result.ok) {
    setEditError(result.reason);
    return false;
  }
  setEditError(null);
  commit(applyEdit(text, result.edit), { origin: 'form', ...(burst ? { burst } : {}) });
  return true;
}

/**
 * Applies a fix (found in the text of `forVersion`) to the current text, as one undo step. A fix
 * from an older text is not applied: what it repairs may have changed since.
 */
export function applyFix(fix: Fix, forVersion: number): boolean {
  const { text, version, commit, setEditError } = useDesigner.getState();
  if (version !== forVersion) return false;
  const result = fixEdit(text, fix);
  if (!result.ok) {
    setEditError(result.reason);
    return false;
  }
  commit(applyEdit(text, result.edit), { origin: 'fix' });
  return true;
}
