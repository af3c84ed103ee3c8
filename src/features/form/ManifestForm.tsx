/**
 * The "Manifest form": the manifest's fields and its job groups. Every change is a minimal text
 * edit of the YAML. While the YAML does not parse, the form shows the last readable design,
 * read-only, with the syntax error and a link to its line.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  addEntry,
  chain,
  inExampleOrder,
  setValue,
  type ScalarValue,
} from '../../core/edit/index.ts';
import {
  ACCEPTED_API_VERSIONS,
  CURRENT_API_VERSION,
  GPU_PRODUCTS,
  OPERATORS,
} from '../../core/index.ts';
import { editText } from '../../state/actions.ts';
import {
  selectDiagnosticIndex,
  selectDiagnostics,
  selectEditError,
  selectSyntaxError,
  selectView,
} from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { samePath } from './fieldDiagnostics.ts';
import { FieldErrors, TextField } from './fields.tsx';
import { GroupFieldset } from './GroupFieldset.tsx';
import { getOwn } from '../../core/own.ts';
import './form.css';

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

/** Designs with more groups than this show each group as one line until it is opened. */
const OPEN_GROUPS = 12;
const FIRST_GROUPS = 40;
const MORE_GROUPS = 200;

// New keys go where the platform's examples have them (builder before spec, image before command).
const set = (path: readonly string[]) => (value: ScalarValue) =>
  editText((t) => setValue(t, path, value, inExampleOrder), path.join('.'));

/**
 * Focuses the form field of a revealed path (or of its nearest ancestor that has one). The form
 * may have just been shown, or still be rendering its groups: it looks again for a few frames.
 */
function useRevealInForm() {
  useEffect(
    () =>
      useDesigner.subscribe((s, prev) => {
        const r = s.reveal;
        if (!r || r === prev.reveal || r.target !== 'form') return;
        let tries = 30;
        const inGroup = r.path[0] === 'spec' && r.path[1] === 'types' && r.path.length > 2;
        const look = () => {
          // Until the group's fields are there, a nearer place may still come.
          const ready =
            !inGroup ||
            !!document.querySelector(
              `form[aria-label="Manifest form"] fieldset.group.open[data-group="${CSS.escape(String(r.path[2]))}"]`,
            );
          for (let n = r.path.length; n > 0; n--) {
            const key = CSS.escape(r.path.slice(0, n).join('.'));
            const el = document.querySelector<HTMLElement>(
              `form[aria-label="Manifest form"] [data-path="${key}"]`,
            );
            // Not a group's name while its own field is on its way (the group just opened).
            if (el && (n === r.path.length || ready || tries <= 0)) {
              el.scrollIntoView({ block: 'center' });
              el.focus();
              return;
            }
          }
          if (tries-- > 0) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
    [],
  );
}

/**
 * Groups render a few at first and the rest over the next frames, so that opening the form
 * for a design of thousands of groups never holds the page for long.
 */
function useProgressive(total: number): number {
  const [limit, setLimit] = useState(FIRST_GROUPS);
  useEffect(() => {
    if (limit >= total) return;
    const id = requestAnimationFrame(() => setLimit((l) => l + MORE_GROUPS));
    return () => cancelAnimationFrame(id);
  }, [limit, total]);
  return limit;
}

export function ManifestForm() {
  useRevealInForm();
  const view = useDesigner(selectView);
  const syntaxError = useDesigner(selectSyntaxError);
  const editError = useDesigner(selectEditError);
  const revealAt = useDesigner((s) => s.revealAt);
  const index = useDesigner(selectDiagnosticIndex);
  const groupOpen = useDesigner((s) => s.groupOpen);
  const groups = view?.groups ?? [];
  const shown = useProgressive(groups.length);
  const operator = view?.operator ?? '';
  const operatorDiagnostics = index.at(['spec', 'operator']);
  // One Image field writes both spec.image and builder.image (the platform wants them equal);
  // two fields when the YAML has them different, or when the user asks.
  const imagesDiffer = !!view?.image && !!view?.builderImage && view.image !== view.builderImage;
  const [split, setSplit] = useState(false);
  // Once they differ, two fields stay, even when typing makes them equal for a moment.
  if (imagesDiffer && !split) setSplit(true);
  const splitImages = split || imagesDiffer;
  const setImage = (value: ScalarValue) =>
    editText(
      (t) =>
        chain(
          t,
          (x) => setValue(x, ['builder', 'image'], value, inExampleOrder),
          (x) => setValue(x, ['spec', 'image'], value, inExampleOrder),
        ),
      'image',
    );
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
  // A few groups are all open; a large design shows one line per group until one is opened.
  const openByDefault = groups.length <= OPEN_GROUPS;

  const addGroup = () => {
    const names = new Set(groups.map((g) => g.name));
    let i = names.size + 1;
    while (names.has(`group-${i}`)) i++;
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
          <FieldErrors id="manifest-errors" diagnostics={unplaced} />
          <div className="grid">
            <TextField
              label="Design name"
              path={['name']}
              diagnostics={index.at(['name'])}
              value={view?.name ?? ''}
              placeholder="Untitled design"
              onCommit={set(['name'])}
            />
            <TextField
              label="API version"
              path={['apiVersion']}
              diagnostics={index.at(['apiVersion'])}
              value={view?.apiVersion ?? ''}
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
                onChange={(e) =>
                  editText((t) => setValue(t, ['spec', 'operator'], e.target.value, inExampleOrder))
                }
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
              onCommit={splitImages ? set(['spec', 'image']) : setImage}
            />
            {splitImages && (
              <TextField
                label="Builder image"
                path={['builder', 'image']}
                diagnostics={[...index.at(['builder']), ...index.at(['builder', 'image'])]}
                value={view?.builderImage ?? ''}
                placeholder="e.g. registry/team/image:tag"
                onCommit={set(['builder', 'image'])}
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
            <TextField
              label="Command"
              path={['spec', 'command']}
              diagnostics={index.at(['spec', 'command'])}
              value={view?.command ?? ''}
              placeholder="e.g. python3 -u main.py"
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
            {groups.slice(0, shown).map((g, i) => (
              <GroupFieldset
                key={i}
                group={g}
                index={i}
                last={i === groups.length - 1}
                diagnostics={index.inGroup(g.name)}
                signature={index.groupSignature(g.name)}
                open={getOwn(groupOpen, g.name) ?? openByDefault}
              />
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
