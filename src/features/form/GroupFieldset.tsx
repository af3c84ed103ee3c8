/**
 * One job group in the form: a one-line summary that opens into its fields (name, shape,
 * resources) and the actions on it. A group re-renders only when what it shows changes, so an
 * edit in one group of two thousand costs one group's render.
 */
import { memo } from 'react';
import { categoryOf, type Diagnostic, type Path } from '../../core/diagnostics.ts';
import { groupSummary, sameGroupView, type GroupView } from '../../core/manifest/view.ts';
import { useDesigner } from '../../state/store.ts';
import { diagnosticsAt } from './fieldDiagnostics.ts';
import { FieldErrors } from './fields.tsx';
import { GroupActions } from './GroupActions.tsx';
import { GpuFields, ResourceFields, ShapeFields } from './GroupFields.tsx';
import { groupEdits } from './groupEdits.ts';

interface Props {
  readonly group: GroupView;
  readonly index: number;
  readonly last: boolean;
  /** The group's diagnostics (everything under `spec.types.<name>`), and what they say. */
  readonly diagnostics: readonly Diagnostic[];
  readonly signature: string;
  readonly open: boolean;
}

export const GroupFieldset = memo(
  function GroupFieldset({ group: g, index, last, diagnostics, open }: Props) {
    const name = g.name;
    const base: Path = ['spec', 'types', name];
    const legendId = `group-legend-${index}`;
    const bodyId = `group-body-${index}`;
    const own = diagnosticsAt(diagnostics, base);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    return (
      <fieldset
        className={`group${open ? ' open' : ''}`}
        aria-labelledby={legendId}
        data-group={name}
        onFocus={() => useDesigner.getState().focusGroup(name)}
      >
        <legend id={legendId}>{name}</legend>
        <div className="group-summary">
          <span className="summary-text" title={groupSummary(g)}>
            {groupSummary(g)}
          </span>
          {errors + warnings > 0 && (
            <span className={`counts ${errors ? 'has-errors' : 'has-warnings'}`}>
              {[
                errors && `${errors} error${errors === 1 ? '' : 's'}`,
                warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
              ]
                .filter(Boolean)
                .join(', ')}
            </span>
          )}
          <button
            type="button"
            className="toggle"
            aria-expanded={open}
            aria-controls={open ? bodyId : undefined}
            aria-label={`${open ? 'Close' : 'Edit'} ${name}`}
            onClick={() => useDesigner.getState().setGroupOpen(name, !open)}
          >
            {open ? 'Close' : 'Edit'}
          </button>
        </div>
        {open && (
          <GroupBody
            g={g}
            base={base}
            id={bodyId}
            index={index}
            last={last}
            diagnostics={diagnostics}
            own={own}
          />
        )}
      </fieldset>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.last === b.last &&
    a.open === b.open &&
    a.signature === b.signature &&
    sameGroupView(a.group, b.group),
);

/** The open group's fields (its diagnostics beside them, the group's own above) and actions. */
function GroupBody({
  g,
  base,
  id,
  index,
  last,
  diagnostics,
  own,
}: {
  g: GroupView;
  base: Path;
  id: string;
  index: number;
  last: boolean;
  diagnostics: readonly Diagnostic[];
  own: readonly Diagnostic[];
}) {
  const keys = base.map(String);
  const at = (...path: string[]) => diagnosticsAt(diagnostics, [...base, ...path]);
  const edits = groupEdits(g, keys);
  const nameDiagnostics = own.filter((d) => categoryOf(d.code) === 'name');
  const otherGroupDiagnostics = own.filter((d) => categoryOf(d.code) !== 'name');
  const unknownInside = diagnostics.filter(
    (d) => categoryOf(d.code) === 'keys' && d.path.length > base.length,
  );
  const parts = { g, base, edits, at };
  return (
    <div id={id}>
      <FieldErrors id={`${id}-errors`} diagnostics={[...otherGroupDiagnostics, ...unknownInside]} />
      <div className="grid">
        <ShapeFields {...parts} nameDiagnostics={nameDiagnostics} />
        <ResourceFields {...parts} id={id} />
        <GpuFields {...parts} />
      </div>
      <GroupActions name={g.name} keys={keys} index={index} last={last} />
    </div>
  );
}
