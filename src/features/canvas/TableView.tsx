/** The grid as a table, a page at a time: every pod with its indices, wave and time slot. */
import { useState } from 'react';
import {
  podByOrdinal,
  type Expansion,
  type GroupFigures,
  type GroupPlan,
  type Plan,
} from '../../core/index.ts';

const PAGE = 50;

export function TableView({
  expansion,
  plan,
  groups,
}: {
  expansion: Expansion;
  plan: Plan;
  groups: readonly GroupFigures[];
}) {
  const byName = new Map(plan.groups.map((g) => [g.name, g]));
  return (
    <div className="table-view">
      {groups.map((g) => (
        <GroupTablePage key={g.name} expansion={expansion} plan={byName.get(g.name)!} />
      ))}
    </div>
  );
}

function GroupTablePage({ expansion, plan }: { expansion: Expansion; plan: GroupPlan }) {
  const [page, setPage] = useState(0);
  const group = plan.figures;
  const total = group.pods ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const current = Math.min(page, pages - 1);
  const rows = [];
  for (let k = current * PAGE; k < Math.min(total, (current + 1) * PAGE); k++) {
    const pod = podByOrdinal(expansion, plan, k);
    if (pod) rows.push(pod);
  }
  return (
    <section className="group-table" aria-label={`${group.name} pods`}>
      <table aria-label={`Pods of ${group.name}`}>
        <caption>
          {group.name}: {total.toLocaleString('en-US')} pod{total === 1 ? '' : 's'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Pod</th>
            <th scope="col">JOB_INDEX</th>
            <th scope="col">JOB_COMPLETION_INDEX</th>
            <th scope="col">JOB_GLOBAL_INDEX</th>
            <th scope="col">Wave</th>
            <th scope="col">Start (h)</th>
            <th scope="col">End (h)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.name}>
              <th scope="row">{p.name}</th>
              <td>{p.jobIndex}</td>
              <td>{p.podIndex}</td>
              <td>{p.env.JOB_GLOBAL_INDEX}</td>
              <td>{p.wave === null ? 'paused' : p.wave + 1}</td>
              <td>{p.start ?? '–'}</td>
              <td>{p.end ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="pager" role="group" aria-label={`Pages of ${group.name}`}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </button>
          <label>
            Page{' '}
            <input
              type="number"
              min={1}
              max={pages}
              value={current + 1}
              aria-label={`Page of ${group.name}`}
              onChange={(e) => {
                const n = Math.floor(Number(e.target.value));
                if (Number.isFinite(n) && n >= 1) setPage(Math.min(pages, n) - 1);
              }}
            />{' '}
            of {pages.toLocaleString('en-US')}
          </label>
          <button
            type="button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </button>
        </div>
      )}
    </section>
  );
}
