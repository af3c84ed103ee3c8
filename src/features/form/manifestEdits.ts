/** The form's edits of the manifest's own fields, each a text edit of the YAML. */
import { chain, inExampleOrder, setValue, type ScalarValue } from '../../core/edit/index.ts';
import { editText } from '../../state/actions.ts';

// New keys go where the platform's examples have them (builder before spec, image before command).
export const setManifestValue = (path: readonly string[]) => (value: ScalarValue) =>
  editText((t) => setValue(t, path, value, inExampleOrder), path.join('.'));

/** Writes one image to both spec.image and builder.image (the platform wants them equal). */
export const setBothImages = (value: ScalarValue) =>
  editText(
    (t) =>
      chain(
        t,
        (x) => setValue(x, ['builder', 'image'], value, inExampleOrder),
        (x) => setValue(x, ['spec', 'image'], value, inExampleOrder),
      ),
    'image',
  );
