/**
 * Per group: its description (the canvas's text alternative), pod duration and a way to its
 * YAML; a page at a time for designs of many groups.
 */
import { useMemo, useState } from 'react';
import { getOwn } from '../../core/own.ts';
import { useDesigner } from '../../state/store.ts';
import { Pager } from '../../ui/Pager.tsx';
import type { usePage } from '../../ui/usePage.ts';

export function GroupSettings({
  groups,
  descriptions,
  page,
}: {
  groups: readonly string[];
  /** The descriptions of the groups in the page, in its order. */
  descriptions: readonly string[];
  page: ReturnType<typeof usePage>;
}) {
  const durations = useDesigner((s) => s.durations);
  const setDuration = useDesigner((s) => s.setDuration);
  const spans = useDesigner((s) => s.analysis?.groupSpans);
  const revealAt = useDesigner((s) => s.revealAt);
  const focused = useDesigner((s) => s.focusedGroup);
  // The page's spans only (React holds a memo twice: one for every group would weigh).
  const spanOf = useMemo(() => {
    const inPage = new Set(groups.slice(page.from, page.to));
    return new Map((spans ?? []).filter((s) => inPage.has(s.name)).map((s) => [s.name, s]));
  }, [spans, groups, page.from, page.to]);
  return (
    <>
      <ul className="group-settings" aria-label="Groups in the grid">
        {groups.slice(page.from, page.to).map((name, k) => {
          const i = page.from + k;
          const span = spanOf.get(name);
          return (
            <li key={name} aria-current={focused === name || undefined}>
              <span id={`grid-description-${i}`} className="description">
                {descriptions[k]}
              </span>
              <DurationField
                group={name}
                value={getOwn(durations, name) ?? 1}
                onChange={(h) => setDuration(name, h)}
              />
              <button
                type="button"
                aria-label={`Show ${name} in YAML`}
                disabled={!span}
                onClick={() =>
                  span &&
                  revealAt({
                    target: 'yaml',
                    start: span.keyStart,
                    end: span.keyEnd,
                    path: ['spec', 'types', name],
                  })
                }
              >
                Show in YAML
              </button>
            </li>
          );
        })}
      </ul>
      <Pager label="the groups in the grid" {...page} />
    </>
  );
}

/** A pod duration in hours: keeps what is typed, applies it when it is a positive number. */
function DurationField({
  group,
  value,
  onChange,
}: {
  group: string;
  value: number;
  onChange: (hours: number) => void;
}) {
  const [draft, setDraft] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (Number(draft) !== value) setDraft(String(value));
  }
  const n = Number(draft);
  const invalid = draft.trim() === '' || !Number.isFinite(n) || n <= 0;
  return (
    <label>
      Pod duration (h)
      <input
        type="number"
        min="0"
        step="any"
        aria-label={`Pod duration of ${group}`}
        aria-invalid={invalid || undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const h = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(h) && h > 0) onChange(h);
        }}
        onBlur={() => invalid && setDraft(String(value))}
      />
    </label>
  );
}
