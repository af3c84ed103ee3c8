/**
 * The grid as a table, a page at a time: every pod with its sweep parameters first, then its
 * indices, wave and time slot. The pod's name stays in view while the rest scrolls.
 */
import { formatNumber } from '../../ui/format.ts';
import {
  podByOrdinal,
  INDEX_VARIABLES,
  podParams,
  sweepProblems,
  type Expansion,
  type GroupFigures,
  type GroupPlan,
  type Plan,
} from '../../core/ui.ts';
import { Pager } from '../../ui/Pager.tsx';
import { usePage } from '../../ui/usePage.ts';
import { useDesigner } from '../../state/store.ts';

const PAGE = 50;
/** Groups shown at once: a design of thousands of groups pages through them. */
const GROUPS_PAGE = 10;

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
  const { from, to, page, pages, setPage } = usePage(groups.length, GROUPS_PAGE);
  return (
    <div className="table-view" tabIndex={0} role="region" aria-label="Pods, table by group">
      <Pager label="groups" page={page} pages={pages} setPage={setPage} />
      {groups.slice(from, to).map((g) => (
        <GroupTablePage key={g.name} expansion={expansion} plan={byName.get(g.name)!} />
      ))}
    </div>
  );
}

function GroupTablePage({ expansion, plan }: { expansion: Expansion; plan: GroupPlan }) {
  const group = plan.figures;
  const sweeps = useDesigner((s) => s.sweeps);
  // A column per axis of the group's sweep once it is usable, in the axes' order.
  const sweep = Object.hasOwn(sweeps, group.name) ? sweeps[group.name]! : null;
  const axes =
    sweep && sweepProblems(sweep).length === 0 ? sweep.axes.map((a) => a.name.trim()) : [];
  const vars = INDEX_VARIABLES[expansion.run.operator];
  const total = group.pods ?? 0;
  const { from, to, page, pages, setPage } = usePage(total, PAGE);
  const rows = [];
  for (let k = from; k < to; k++) {
    const pod = podByOrdinal(expansion, plan, k);
    if (pod) rows.push(pod);
  }
  return (
    <section className="group-table" aria-label={`${group.name} pods`}>
      <table aria-label={`Pods of ${group.name}`}>
        <caption>
          {group.name}: {formatNumber(total)} pod{total === 1 ? '' : 's'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Pod</th>
            {/* A sweep's parameters first: what a trial is, before its indices. */}
            {axes.map((a) => (
              <th key={a} scope="col" className="sweep-col">
                {a}
              </th>
            ))}
            {/* The variables that number a pod, as its operator names them. */}
            {vars.map((v) => (
              <th key={v} scope="col">
                {v}
              </th>
            ))}
            <th scope="col">Wave</th>
            <th scope="col">Start (h)</th>
            <th scope="col">End (h)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const params = axes.length ? podParams(sweeps, p) : null;
            return (
              <tr key={p.name}>
                <th scope="row">{p.name}</th>
                {axes.map((a) => (
                  <td key={a} className="sweep-col">
                    {params && Object.hasOwn(params, a) ? String(params[a]) : '–'}
                  </td>
                ))}
                {vars.map((v) => (
                  <td key={v}>{p.env[v] ?? '–'}</td>
                ))}
                <td>{p.wave === null ? 'paused' : p.wave + 1}</td>
                <td>{p.start ?? '–'}</td>
                <td>{p.end ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager label={group.name} page={page} pages={pages} setPage={setPage} />
    </section>
  );
}
