/**
 * Compare the current design with another: the totals and their deltas, what happened to each
 * group, both runs on one time scale, and the YAML diff with the same groups tinted. Swap the
 * sides, or make the other design the current one; the comparison is part of the link.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useDesigner } from '../../state/store.ts';
import { useModalDialog } from '../../ui/useModalDialog.ts';
import { CompareHead } from './CompareHead.tsx';
import { ComparePicker } from './ComparePicker.tsx';
import { CompareResults, type DiffProps } from './CompareResults.tsx';
import { useComparison } from './useComparison.ts';
import './compare.css';

export type { DiffProps } from './CompareResults.tsx';

interface Props {
  /** The YAML diff (the app gives the code editor's diff view). */
  readonly renderDiff: (props: DiffProps) => ReactNode;
}

export default function CompareDialog({ renderDiff }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const { comparison, a, b, diff, other, settingChanges } = useComparison();
  const [picking, setPicking] = useState(false);
  const close = () => useDesigner.getState().setCompareOpen(false);

  useModalDialog(ref);

  const pick = (other: Parameters<ReturnType<typeof useDesigner.getState>['startCompare']>[0]) => {
    // Old -> new by default: the other design is A, the current one (the new) is B.
    useDesigner.getState().startCompare(other, comparison?.currentFirst ?? false);
    setPicking(false);
  };

  return (
    <dialog
      ref={ref}
      className="compare-dialog"
      aria-labelledby="compare-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <CompareHead
        comparing={!!comparison}
        otherLabel={other?.label}
        picking={picking}
        onTogglePicking={() => setPicking(!picking)}
        onClose={close}
      />
      {(!comparison || picking) && <ComparePicker onPick={pick} />}
      {a && b && (
        <CompareResults
          a={a}
          b={b}
          diff={diff}
          settingChanges={settingChanges}
          renderDiff={renderDiff}
        />
      )}
    </dialog>
  );
}
