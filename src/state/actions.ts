/** Actions that combine the core with the store: form edits become text edits (quick fixes: fixes.ts). */
import { editInBlock } from '../core/edit/scope.ts';
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
  commit(applyEdit(text, result.edit), {
    origin: 'form',
    edits: [result.edit],
    ...(burst ? { burst } : {}),
  });
  return true;
}

/**
 * An edit inside one job group, made on the group's own lines when its key is known (no parse of
 * the whole design: typing in the form stays as fast with 2,000 groups as with 2). `make` gets
 * the text and the path of the group in it. Edits that need the other groups (rename, move,
 * duplicate) use `editText`.
 */
export function editGroup(
  group: string,
  make: (text: string, groupPath: readonly string[]) => EditResult,
  burst?: string,
): boolean {
  const { text, groupKeys } = useDesigner.getState();
  const keys = groupKeys?.filter((k) => k.name === group) ?? [];
  const scoped =
    keys.length === 1 ? editInBlock(text, keys[0]!.start, (block) => make(block, [group])) : null;
  return editText((t) => scoped ?? make(t, ['spec', 'types', group]), burst);
}
