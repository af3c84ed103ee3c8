/** A group's actions in the form: duplicate it, move it up or down among the groups, remove it. */
import { duplicateEntry, moveEntry, removeEntry } from '../../core/edit/index.ts';
import { editText } from '../../state/actions.ts';
import { useDesigner } from '../../state/store.ts';

export function GroupActions({
  name,
  keys,
  index,
  last,
}: {
  readonly name: string;
  /** The group's key, `spec.types.<name>`. */
  readonly keys: readonly string[];
  readonly index: number;
  readonly last: boolean;
}) {
  /** The copy's name: the first of `<name>-2`, `<name>-3`, … no group has. */
  const copyName = () => {
    const names = new Set(useDesigner.getState().analysis?.view?.groups.map((x) => x.name));
    let i = 2;
    while (names.has(`${name}-${i}`)) i++;
    return `${name}-${i}`;
  };
  return (
    <div className="group-actions">
      <button type="button" onClick={() => editText((t) => duplicateEntry(t, keys, copyName()))}>
        Duplicate
      </button>
      <button
        type="button"
        disabled={index === 0}
        onClick={() => editText((t) => moveEntry(t, keys, index - 1))}
      >
        Move up
      </button>
      <button
        type="button"
        disabled={last}
        onClick={() => editText((t) => moveEntry(t, keys, index + 1))}
      >
        Move down
      </button>
      <button
        type="button"
        className="danger"
        onClick={(e) => {
          const form = e.currentTarget.closest('form');
          if (editText((t) => removeEntry(t, keys))) {
            // The group's fieldset goes away: keep the focus in the form.
            requestAnimationFrame(() => form?.querySelector<HTMLElement>('.add-group')?.focus());
          }
        }}
      >
        Remove
      </button>
    </div>
  );
}
