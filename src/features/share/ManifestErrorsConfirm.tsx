/** Asks before a manifest with errors is downloaded, listing the first of them. */
import type { Diagnostic } from '../../core/ui.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';

interface Props {
  errors: readonly Diagnostic[];
  onConfirm: () => void;
  onCancel: () => void;
}

export function ManifestErrorsConfirm({ errors, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog
      title="Download a manifest with errors?"
      confirm="Download anyway"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>The platform would reject this manifest:</p>
      <ul>
        {errors.slice(0, 8).map((d, i) => (
          <li key={i}>
            Line {d.line}: {d.message}
          </li>
        ))}
        {errors.length > 8 && <li>…and {errors.length - 8} more</li>}
      </ul>
    </ConfirmDialog>
  );
}
