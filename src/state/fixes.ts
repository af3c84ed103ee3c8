/**
 * Quick fixes become text edits. The edit code comes with the YAML library, which the page loads
 * only when the first fix is applied (the worker does all reading until then).
 */
import type { Fix } from '../core/diagnostics.ts';
import type * as FixCode from '../core/edit/fix.ts';
import { applyEdit } from '../core/edit/text.ts';
import { useDesigner } from './store.ts';
import { selectAnalysisVersion } from './selectors.ts';

type FixModule = typeof FixCode;

/**
 * Applies a fix (found in the text of `forVersion`) to the current text, as one undo step. A fix
 * from an older text is not applied: what it repairs may have changed since.
 */
export async function applyFix(fix: Fix, forVersion: number): Promise<boolean> {
  let fixCode: FixModule;
  try {
    fixCode = await import('../core/edit/fix.ts');
  } catch (err) {
    useDesigner
      .getState()
      .notify(`The fix could not be applied: its code did not load (${String(err)}).`, 'error');
    return false;
  }
  const { text, version, commit, setEditError } = useDesigner.getState();
  if (version !== forVersion) return false;
  const result = fixCode.fixEdit(text, fix);
  if (!result.ok) {
    setEditError(result.reason);
    return false;
  }
  commit(applyEdit(text, result.edit), { origin: 'fix', edits: [result.edit] });
  return true;
}

/** Applies a fix found in the analysis shown now (for buttons beside diagnostics). */
export function useApplyFix(): (fix: Fix) => void {
  const version = useDesigner(selectAnalysisVersion);
  return (fix) => void applyFix(fix, version);
}
