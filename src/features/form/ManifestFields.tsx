/**
 * The manifest's own fields (name, API version, operator, images, command), with the problems
 * of the manifest that no field shows listed above them.
 */
import { useMemo } from 'react';
import { CURRENT_API_VERSION } from '../../core/index.ts';
import { selectDiagnosticIndex, selectDiagnostics, selectView } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { samePath } from './fieldDiagnostics.ts';
import { FieldErrors, TextField } from './fields.tsx';
import { ImageFields } from './ImageFields.tsx';
import { OperatorField } from './OperatorField.tsx';
import { setManifestValue } from './manifestEdits.ts';

/** The paths the manifest fields show their problems at (`spec.types` problems: the groups). */
const FIELD_PATHS: readonly (readonly string[])[] = [
  ['name'],
  ['apiVersion'],
  ['spec', 'operator'],
  ['spec', 'image'],
  ['builder'],
  ['builder', 'image'],
  ['spec', 'command'],
];

export function ManifestFields() {
  const view = useDesigner(selectView);
  const index = useDesigner(selectDiagnosticIndex);
  // Problems of the manifest that no field shows (a missing `kind`, an unknown top-level key):
  // listed at the top of the form, so every error is visible here.
  const diagnostics = useDesigner(selectDiagnostics);
  const unplaced = useMemo(
    () =>
      (diagnostics ?? []).filter(
        (d) =>
          !(d.path[0] === 'spec' && d.path[1] === 'types' && d.path.length > 2) &&
          !FIELD_PATHS.some((p) => samePath(p, d.path)),
      ),
    [diagnostics],
  );
  return (
    <fieldset className="manifest-fields">
      <legend>Manifest</legend>
      <FieldErrors id="manifest-errors" diagnostics={unplaced} />
      <div className="grid">
        <TextField
          label="Design name"
          path={['name']}
          diagnostics={index.at(['name'])}
          value={view?.name ?? ''}
          placeholder="Untitled design"
          onCommit={setManifestValue(['name'])}
        />
        <TextField
          label="API version"
          path={['apiVersion']}
          diagnostics={index.at(['apiVersion'])}
          value={view?.apiVersion ?? ''}
          placeholder={CURRENT_API_VERSION}
          list="api-versions"
          onCommit={setManifestValue(['apiVersion'])}
        />
        <OperatorField
          operator={view?.operator ?? ''}
          diagnostics={index.at(['spec', 'operator'])}
        />
        <ImageFields />
        <TextField
          label="Command"
          path={['spec', 'command']}
          diagnostics={index.at(['spec', 'command'])}
          value={view?.command ?? ''}
          placeholder="e.g. python3 -u main.py"
          onCommit={setManifestValue(['spec', 'command'])}
        />
      </div>
    </fieldset>
  );
}
