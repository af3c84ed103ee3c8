/**
 * The "Manifest form": the manifest's fields and its job groups. Every change is a minimal text
 * edit of the YAML. While the YAML does not parse, the form shows the last readable design,
 * read-only, with the syntax error and a link to its line.
 */
import { useEffect } from 'react';
import { addEntry, setValue, type ScalarValue } from '../../core/edit/index.ts';
import {
  ACCEPTED_API_VERSIONS,
  CURRENT_API_VERSION,
  GPU_PRODUCTS,
  OPERATORS,
} from '../../core/index.ts';
import { editText } from '../../state/actions.ts';
import { selectEditError, selectSyntaxError, selectView } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { TextField } from './fields.tsx';
import { useFieldDiagnostics } from './fieldDiagnostics.ts';
import { GroupFieldset } from './GroupFieldset.tsx';

const set = (path: readonly string[]) => (value: ScalarValue) =>
  editText((t) => setValue(t, path, value), path.join('.'));

/** Focuses the form field of a revealed path (or of its nearest ancestor that has one). */
function useRevealInForm() {
  useEffect(
    () =>
      useDesigner.subscribe((s, prev) => {
        const r = s.reveal;
        if (!r || r === prev.reveal || r.target !== 'form') return;
        // The form may have just been shown: look for the field after it renders.
        requestAnimationFrame(() => {
          for (let n = r.path.length; n > 0; n--) {
            const key = CSS.escape(r.path.slice(0, n).join('.'));
            const el = document.querySelector<HTMLElement>(
              `form[aria-label="Manifest form"] [data-path="${key}"]`,
            );
            if (el) {
              el.scrollIntoView({ block: 'center' });
              el.focus();
              return;
            }
          }
        });
      }),
    [],
  );
}

export function ManifestForm() {
  useRevealInForm();
  const view = useDesigner(selectView);
  const syntaxError = useDesigner(selectSyntaxError);
  const editError = useDesigner(selectEditError);
  const revealAt = useDesigner((s) => s.revealAt);
  const groups = view?.groups ?? [];
  const names = groups.map((g) => g.name);
  const operator = view?.operator.value ?? '';
  const operatorDiagnostics = useFieldDiagnostics(['spec', 'operator']);

  const addGroup = () => {
    let i = names.length + 1;
    while (names.includes(`group-${i}`)) i++;
    editText((t) =>
      addEntry(t, ['spec', 'types'], `group-${i}`, {
        count: 1,
        resources: { cpus: 1, ramRatio: 2 },
      }),
    );
  };

  return (
    <form className="manifest-form" aria-label="Manifest form" onSubmit={(e) => e.preventDefault()}>
      {syntaxError && (
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
      )}
      {editError && (
        <p className="edit-error" role="alert">
          {editError}
        </p>
      )}
      <fieldset disabled={!!syntaxError} className="form-body">
        <fieldset className="manifest-fields">
          <legend>Manifest</legend>
          <div className="grid">
            <TextField
              label="Design name"
              path={['name']}
              value={view?.name.value ?? ''}
              placeholder="Untitled design"
              onCommit={set(['name'])}
            />
            <TextField
              label="API version"
              path={['apiVersion']}
              value={view?.apiVersion.value ?? ''}
              placeholder={CURRENT_API_VERSION}
              list="api-versions"
              onCommit={set(['apiVersion'])}
            />
            <div className="field">
              <label htmlFor="field-spec.operator">Operator</label>
              <select
                id="field-spec.operator"
                data-path="spec.operator"
                value={OPERATORS.includes(operator) ? operator : ''}
                aria-invalid={operatorDiagnostics.some((d) => d.severity === 'error') || undefined}
                onChange={(e) => editText((t) => setValue(t, ['spec', 'operator'], e.target.value))}
              >
                {!OPERATORS.includes(operator) && <option value="">{operator || 'choose…'}</option>}
                {OPERATORS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              label="Image"
              path={['spec', 'image']}
              value={view?.image.value ?? ''}
              placeholder="my-image"
              onCommit={set(['spec', 'image'])}
            />
            <TextField
              label="Builder image"
              path={['builder', 'image']}
              value={view?.builderImage.value ?? ''}
              placeholder="my-image"
              onCommit={set(['builder', 'image'])}
            />
            <TextField
              label="Command"
              path={['spec', 'command']}
              value={view?.command.value ?? ''}
              placeholder="python3 -u main.py"
              onCommit={set(['spec', 'command'])}
            />
          </div>
        </fieldset>
        {operator && operator !== 'jobset' ? (
          <p className="muted">
            Operator &quot;{operator}&quot;: its groups are kept as they are in the YAML; the group
            editor covers jobset only.
          </p>
        ) : (
          <section className="groups-editor" aria-label="Job groups editor">
            <h3>Job groups</h3>
            {groups.map((g, i) => (
              <GroupFieldset key={i} group={g} index={i} total={groups.length} names={names} />
            ))}
            <button type="button" className="add-group" onClick={addGroup}>
              Add group
            </button>
          </section>
        )}
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
