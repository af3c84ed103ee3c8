/** The manifest's Image field, or its Image and Builder image fields, and the choice between them. */
import { useState } from 'react';
import { selectDiagnosticIndex, selectView } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { TextField } from './fields.tsx';
import { setBothImages, setManifestValue } from './manifestEdits.ts';

export function ImageFields() {
  const view = useDesigner(selectView);
  const index = useDesigner(selectDiagnosticIndex);
  // One Image field writes both spec.image and builder.image (the platform wants them equal);
  // two fields when the YAML has them different, or when the user asks.
  const imagesDiffer = !!view?.image && !!view?.builderImage && view.image !== view.builderImage;
  const [split, setSplit] = useState(false);
  // Once they differ, two fields stay, even when typing makes them equal for a moment.
  if (imagesDiffer && !split) setSplit(true);
  const splitImages = split || imagesDiffer;
  return (
    <>
      <TextField
        label="Image"
        path={['spec', 'image']}
        {...(splitImages ? {} : { hint: 'the pods run it and the builder builds it' })}
        diagnostics={
          splitImages
            ? index.at(['spec', 'image'])
            : [
                ...index.at(['spec', 'image']),
                ...index.at(['builder']),
                ...index.at(['builder', 'image']),
              ]
        }
        value={(splitImages ? view?.image : view?.image || view?.builderImage) ?? ''}
        placeholder="e.g. registry/team/image:tag"
        onCommit={splitImages ? setManifestValue(['spec', 'image']) : setBothImages}
      />
      {splitImages && (
        <TextField
          label="Builder image"
          path={['builder', 'image']}
          diagnostics={[...index.at(['builder']), ...index.at(['builder', 'image'])]}
          value={view?.builderImage ?? ''}
          placeholder="e.g. registry/team/image:tag"
          onCommit={setManifestValue(['builder', 'image'])}
        />
      )}
      <label className="field check">
        <input
          type="checkbox"
          checked={splitImages}
          disabled={imagesDiffer}
          onChange={(e) => setSplit(e.target.checked)}
        />
        A different builder image
      </label>
    </>
  );
}
