/**
 * The "Manifest form": the manifest's fields and its job groups. Every change is a minimal text
 * edit of the YAML. While the YAML does not parse, the form shows the last readable design,
 * read-only, with the syntax error and a link to its line.
 */
import type { Diagnostic } from '../../core/diagnostics.ts';
import { ACCEPTED_API_VERSIONS, GPU_PRODUCTS } from '../../core/index.ts';
import { selectEditError, selectSyntaxError } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { JobGroupsEditor } from './JobGroupsEditor.tsx';
import { ManifestFields } from './ManifestFields.tsx';
import { useRevealInForm } from './useRevealInForm.ts';
import './form.css';

/** Why the form is read-only: the YAML's syntax error, with a link to its line. */
function ReadOnlyBanner({ syntaxError }: { readonly syntaxError: Diagnostic }) {
  const revealAt = useDesigner((s) => s.revealAt);
  return (
    <div className="readonly-banner" role="alert">
      <strong>Read-only:</strong> the YAML has a syntax error at line {syntaxError.line}:{' '}
      {syntaxError.message} The form shows the last valid design.{' '}
      <button
        type="button"
        className="link"
        onClick={() =>
          revealAt({ target: 'yaml', start: syntaxError.start, end: syntaxError.end, path: [] })
        }
      >
        Go to line {syntaxError.line}
      </button>
    </div>
  );
}

export function ManifestForm() {
  useRevealInForm();
  const syntaxError = useDesigner(selectSyntaxError);
  const editError = useDesigner(selectEditError);
  return (
    <form className="manifest-form" aria-label="Manifest form" onSubmit={(e) => e.preventDefault()}>
      {syntaxError && <ReadOnlyBanner syntaxError={syntaxError} />}
      {editError && (
        <p className="edit-error" role="alert">
          {editError}
        </p>
      )}
      <fieldset disabled={!!syntaxError} className="form-body">
        <ManifestFields />
        <JobGroupsEditor />
      </fieldset>
      <datalist id="gpu-products">
        {GPU_PRODUCTS.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <datalist id="api-versions">
        {ACCEPTED_API_VERSIONS.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    </form>
  );
}
