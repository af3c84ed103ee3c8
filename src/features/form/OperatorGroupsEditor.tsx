/**
 * The groups of an operator whose shape is its own (Ray's head and worker pools, Vertex AI's
 * pools, Slurm's job): a fieldset per group with the fields the core lists for it
 * (core/operators/fields.ts). Each edit is a text edit of the YAML, as everywhere in the form.
 */
import { removeEntry, setValue } from '../../core/edit/index.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { operatorFields, type OperatorField } from '../../core/operators/fields.ts';
import type { Operator } from '../../core/ui.ts';
import { editText } from '../../state/actions.ts';
import { selectDiagnostics } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { diagnosticsAt } from './fieldDiagnostics.ts';
import { FieldErrors, NumberField, TextField } from './fields.tsx';

export function OperatorGroupsEditor({ operator }: { operator: Operator }) {
  const data = useDesigner((s) => s.analysis?.data);
  const diagnostics = useDesigner(selectDiagnostics) ?? [];
  const groups = operatorFields(operator, data);
  return (
    <section className="groups-editor" aria-label="Job groups editor">
      <h3>Job groups</h3>
      {groups.length === 0 && (
        <p className="muted">
          No groups yet: write them in the YAML view ({operator}&apos;s shape).
        </p>
      )}
      {groups.map((g, i) => {
        const legendId = `operator-group-${i}`;
        return (
          <fieldset key={g.path.join('.')} className="group open" aria-labelledby={legendId}>
            <legend id={legendId}>{g.name}</legend>
            <FieldErrors
              id={`${legendId}-errors`}
              diagnostics={diagnosticsAt(diagnostics, g.path)}
            />
            <div className="grid">
              {g.fields.map((f) => (
                <FieldOf key={f.path.join('.')} f={f} diagnostics={diagnostics} />
              ))}
            </div>
          </fieldset>
        );
      })}
      <p className="note">
        To add or remove a pool, edit the YAML view; the figures and pods follow either way.
      </p>
    </section>
  );
}

function FieldOf({ f, diagnostics }: { f: OperatorField; diagnostics: readonly Diagnostic[] }) {
  const burst = f.path.join('.');
  const props = {
    label: f.label,
    path: f.path,
    value: f.value,
    diagnostics: diagnosticsAt(diagnostics, f.path),
    ...(f.placeholder ? { placeholder: f.placeholder } : {}),
    onClear: () => editText((t) => removeEntry(t, f.path), burst),
  };
  return f.kind === 'number' ? (
    <NumberField {...props} onCommit={(n) => editText((t) => setValue(t, f.path, n), burst)} />
  ) : (
    <TextField {...props} onCommit={(v) => editText((t) => setValue(t, f.path, v), burst)} />
  );
}
