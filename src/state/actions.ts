/** Actions that combine the core with the store: form edits and quick fixes become text edits. */
import type { Fix } from '../core/diagnostics.ts';
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

/** Applies a diagnostic's fix, if the text it was computed for is still current. */
export function applyFix(fix: Fix, forVersion: number): boolean {
  const { text, version, commit } = useDesigner.getState();
  if (version !== forVersion) return false;
  commit(applyEdit(text, fix), { origin: 'fix' });
  return true;
}
