/**
 * The form's job groups: one fieldset per group and a button to add one. Operators whose types
 * are a map of groups (jobset, and pytorch, xgboost, jax, tf, batchjob's replicas) are edited
 * here; Ray's, Vertex AI's and Slurm's own shapes by OperatorGroupsEditor.
 */
import { useEffect, useState } from 'react';
import { addEntry } from '../../core/edit/index.ts';
import { getOwn } from '../../core/own.ts';
import { formShape, isOperator } from '../../core/ui.ts';
import { OperatorGroupsEditor } from './OperatorGroupsEditor.tsx';
import { editText } from '../../state/actions.ts';
import { selectDiagnosticIndex, selectView } from '../../state/selectors.ts';
import { useDesigner } from '../../state/store.ts';
import { GroupFieldset } from './GroupFieldset.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { usePage } from '../../ui/usePage.ts';

/** Designs with more groups than this show each group as one line until it is opened. */
const OPEN_GROUPS = 12;
const FIRST_GROUPS = 40;
const MORE_GROUPS = 200;
/**
 * Groups on one page of the form: a design of 10,000 groups drawn whole is 40,000 elements,
 * which the browser lays out again after every edit (tens of milliseconds).
 */
export const FORM_PAGE = 200;

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

/**
 * A place revealed in a group of another page turns to that page (the group opens there), once
 * per reveal: the groups changing afterwards does not turn the page back.
 */
function useRevealedPage(setPage: (page: number) => void) {
  const reveal = useDesigner((s) => s.reveal);
  useEffect(() => {
    if (!reveal || reveal.target !== 'form') return;
    const [spec, types, name] = reveal.path;
    if (spec !== 'spec' || types !== 'types') return;
    const groups = selectView(useDesigner.getState())?.groups ?? [];
    const at = groups.findIndex((g) => g.name === String(name));
    if (at >= 0) setPage(Math.floor(at / FORM_PAGE));
  }, [reveal, setPage]);
}

export function JobGroupsEditor() {
  const view = useDesigner(selectView);
  const index = useDesigner(selectDiagnosticIndex);
  const groupOpen = useDesigner((s) => s.groupOpen);
  const groups = view?.groups ?? [];
  const page = usePage(groups.length, FORM_PAGE);
  const progressive = useProgressive(page.to - page.from);
  const shown = Math.min(page.to, page.from + progressive);
  useRevealedPage(page.setPage);
  const operator = view?.operator ?? '';
  // A few groups are all open; a large design shows one line per group until one is opened.
  const openByDefault = groups.length <= OPEN_GROUPS;

  const addGroup = () => {
    const names = new Set(groups.map((g) => g.name));
    let i = names.size + 1;
    while (names.has(`group-${i}`)) i++;
    const added = editText((t) =>
      addEntry(t, ['spec', 'types'], `group-${i}`, {
        count: 1,
        resources: { cpus: 1, ramRatio: 2 },
      }),
    );
    // The new group is the last: its page is shown (once the analysis has it).
    if (added) page.setPage(Math.floor(groups.length / FORM_PAGE));
  };

  const shape = formShape(operator);
  if (shape === 'yaml') {
    return isOperator(operator) ? (
      <OperatorGroupsEditor operator={operator} />
    ) : (
      <p className="muted">
        Operator &quot;{operator}&quot; is not one the platform runs: its groups are kept as they
        are in the YAML.
      </p>
    );
  }
  return (
    <section
      className="groups-editor"
      aria-label="Job groups editor"
      data-paged-groups={page.pages > 1 ? '' : undefined}
    >
      <h3>Job groups</h3>
      <Pager label="the job groups in the form" {...page} />
      {groups.slice(page.from, shown).map((g, at) => {
        const i = page.from + at;
        return (
          <GroupFieldset
            key={i}
            group={g}
            index={i}
            last={i === groups.length - 1}
            diagnostics={index.inGroup(g.name)}
            signature={index.groupSignature(g.name)}
            open={getOwn(groupOpen, g.name) ?? openByDefault}
          />
        );
      })}
      {/* Another operator's types are the ones it reads (`worker`, `Master`, …), not new names. */}
      {shape === 'jobset' && (
        <button type="button" className="add-group" onClick={addGroup}>
          Add group
        </button>
      )}
    </section>
  );
}
