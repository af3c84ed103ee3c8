/**
 * Form fields that edit the YAML. A field keeps its own draft while focused (so the round trip
 * through the worker never fights the typing) and follows the document otherwise. Each change
 * is committed as a text edit at once; keystrokes in one field within a second are one undo step.
 */
import { useId, useState, type ReactNode } from 'react';
import { useDesigner } from '../../state/store.ts';
import type { Diagnostic, Path } from '../../core/diagnostics.ts';
import { fieldId } from './fieldDiagnostics.ts';

interface FieldProps {
  readonly label: string;
  readonly path: Path;
  /** The value in the document, as text ('' when absent). */
  readonly value: string;
  /** Applies the draft; returning false (the edit was refused) puts the document's value back. */
  readonly onCommit: (draft: string) => boolean | void;
  /** Called when the field is left empty: removes an optional key (its default applies). */
  readonly onClear?: () => void;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly list?: string;
  /** Takes the whole row (long values, such as GPU product names). */
  readonly wide?: boolean;
  /** Commit on every change (default) or only on blur and Enter (renames). */
  readonly commitOn?: 'change' | 'blur';
  /** The diagnostics about this field (the form finds them once per analysis). */
  readonly diagnostics: readonly Diagnostic[];
}

function useDraft(value: string) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [editing, setEditing] = useState(false);
  if (value !== seen) {
    // The document changed under the field (YAML edit, undo): follow it unless typing here.
    setSeen(value);
    if (!editing) setDraft(value);
  }
  return { draft, setDraft, editing, setEditing };
}

export function FieldErrors({
  id,
  diagnostics,
}: {
  id: string;
  diagnostics: readonly Diagnostic[];
}) {
  if (!diagnostics.length) return null;
  return (
    <ul className="field-errors" id={id}>
      {diagnostics.map((d, i) => (
        <li key={i} className={`field-${d.severity}`} data-code={d.code}>
          {d.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * Commits a draft unless it is the document's value. An edit the document refuses (a name
 * already taken) leaves what was typed, with the reason at the field (`refused`), until it is
 * changed or Escape puts the document's value back.
 */
function useCommit(value: string, onCommit: FieldProps['onCommit']) {
  const [refused, setRefused] = useState<string | null>(null);
  const commit = (v: string) => {
    if (v === value) {
      setRefused(null);
      return;
    }
    if (onCommit(v) === false) {
      const s = useDesigner.getState();
      setRefused(s.editError ?? 'This value was not applied.');
      s.setEditError(null);
    } else setRefused(null);
  };
  return { refused, setRefused, commit };
}

/** The ids of what describes a field's input, and those shown now (its aria-describedby). */
function useDescriptions(refused: boolean, diagnostics: boolean, hint: boolean) {
  const errorsId = useId();
  const hintId = useId();
  const refusedId = useId();
  const describedBy = [refused ? refusedId : '', diagnostics ? errorsId : '', hint ? hintId : '']
    .filter(Boolean)
    .join(' ');
  return { errorsId, hintId, refusedId, describedBy };
}

function Field(
  props: FieldProps & { readonly type: 'text' | 'number'; readonly children?: ReactNode },
) {
  const {
    label,
    path,
    value,
    onCommit,
    onClear,
    hint,
    placeholder,
    list,
    type,
    commitOn = 'change',
  } = props;
  const { diagnostics } = props;
  const { draft, setDraft, setEditing } = useDraft(value);
  const { refused, setRefused, commit } = useCommit(value, onCommit);
  const { errorsId, hintId, refusedId, describedBy } = useDescriptions(
    !!refused,
    diagnostics.length > 0,
    !!hint,
  );
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <input
        id={fieldId(path)}
        data-path={path.join('.')}
        type={type}
        inputMode={type === 'number' ? 'decimal' : undefined}
        value={draft}
        placeholder={placeholder}
        list={list}
        aria-invalid={!!refused || diagnostics.some((d) => d.severity === 'error') || undefined}
        aria-describedby={describedBy || undefined}
        onFocus={() => setEditing(true)}
        onBlur={(e) => {
          setEditing(false);
          if (commitOn === 'blur') commit(e.target.value);
          else if (e.target.value.trim() === '' && value !== '' && onClear) onClear();
          else if (e.target.value !== value && !refused) setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && commitOn === 'blur') commit(e.currentTarget.value);
          if (e.key === 'Escape') {
            setDraft(value);
            setRefused(null);
          }
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          if (commitOn === 'change') commit(e.target.value);
          else if (refused) setRefused(null);
        }}
      />
      {refused && (
        <p className="field-refused" id={refusedId} role="alert">
          {refused}
        </p>
      )}
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      <FieldErrors id={errorsId} diagnostics={diagnostics} />
    </div>
  );
}

export function TextField(props: FieldProps) {
  return <Field {...props} type="text" />;
}

/** Numbers are committed as numbers when the draft reads as one; partial input waits. */
export function NumberField(
  props: Omit<FieldProps, 'onCommit'> & { readonly onCommit: (n: number) => boolean | void },
) {
  const { onCommit, ...rest } = props;
  return (
    <Field
      {...rest}
      type="number"
      onCommit={(draft) => {
        const n = Number(draft);
        if (draft.trim() !== '' && Number.isFinite(n)) onCommit(n);
      }}
    />
  );
}
