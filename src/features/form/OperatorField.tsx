/**
 * The operator select. Switching offers to carry the groups over where the shapes allow
 * (core/operators/switch.ts): asked first, then one undo step; otherwise the operator alone
 * changes and a notice says why the groups stay as written.
 */
import { useState } from 'react';
import { isOperator, OPERATORS, type Operator } from '../../core/ui.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { switchOperator, type OperatorSwitch } from '../../core/operators/switch.ts';
import { applyFix } from '../../state/fixes.ts';
import { useDesigner } from '../../state/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';

export function OperatorField({
  operator,
  diagnostics,
}: {
  readonly operator: string;
  readonly diagnostics: readonly Diagnostic[];
}) {
  const [asking, setAsking] = useState<{ to: Operator; sw: OperatorSwitch } | null>(null);
  const choose = (to: string) => {
    if (!isOperator(to)) return;
    const s = useDesigner.getState();
    const sw = switchOperator(s.analysis?.data, to);
    if (sw.carries) return setAsking({ to, sw });
    void applyFix(sw.fix, s.analysisVersion);
    if (sw.blocked) s.notify(sw.blocked);
  };
  return (
    <div className="field">
      <label htmlFor="field-spec.operator">Operator</label>
      <select
        id="field-spec.operator"
        data-path="spec.operator"
        value={isOperator(operator) ? operator : ''}
        aria-invalid={diagnostics.some((d) => d.severity === 'error') || undefined}
        onChange={(e) => choose(e.target.value)}
      >
        {!isOperator(operator) && <option value="">{operator || 'choose…'}</option>}
        {OPERATORS.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {asking && (
        <ConfirmDialog
          title={`Switch to ${asking.to}?`}
          confirm="Switch, carrying the groups over"
          onConfirm={() => {
            void applyFix(asking.sw.fix, useDesigner.getState().analysisVersion);
            setAsking(null);
          }}
          onCancel={() => setAsking(null)}
        >
          <p>The groups carry over as {asking.to} reads them:</p>
          <ul>
            {asking.sw.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </ConfirmDialog>
      )}
    </div>
  );
}
