/** Per-group figures from the core: the first, plain view of what the design runs. */
import type { GroupFigures } from '../../core/ui.ts';
import { nothingToDraw } from '../../core/ui.ts';
import { formatNumber } from '../../ui/format.ts';
import { useDesigner } from '../../state/store.ts';
import { selectExpansion, selectOperator } from '../../state/selectors.ts';
import { Pager } from '../../ui/Pager.tsx';
import { usePage } from '../../ui/usePage.ts';

function globalRange(g: GroupFigures): string {
  if (g.globalIndexStart === null || g.count === null) return 'unknown';
  if (g.count === 0) return 'none';
  const end = g.globalIndexStart + g.count - 1;
  return end === g.globalIndexStart ? String(end) : `${g.globalIndexStart}–${end}`;
}

function wavesText(g: GroupFigures): string {
  if (g.state === 'paused') return 'paused';
  return formatNumber(g.waves, 'unknown');
}

/** Rows shown at once: a design of thousands of groups pages through them. */
const PAGE = 50;

export function GroupTable() {
  const expansion = useDesigner(selectExpansion);
  const operator = useDesigner(selectOperator);
  const page = usePage(expansion?.groups.length ?? 0, PAGE);
  return (
    <section className="panel groups" aria-labelledby="groups-title">
      <h2 id="groups-title">Job groups</h2>
      {!expansion ? (
        <p className="muted">{nothingToDraw(operator)}</p>
      ) : (
        <>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label="Job groups table (scrolls sideways)"
          >
            <table aria-label="Job groups">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Jobs</th>
                  <th scope="col">Pods per Job</th>
                  <th scope="col">At once</th>
                  <th scope="col">Pods</th>
                  <th scope="col">Concurrent</th>
                  <th scope="col">Waves</th>
                  <th scope="col">JOB_GLOBAL_INDEX</th>
                  <th scope="col">CPUs / pod</th>
                  <th scope="col">RAM GB / pod</th>
                  <th scope="col">GPUs / pod</th>
                </tr>
              </thead>
              <tbody>
                {expansion.groups.slice(page.from, page.to).map((g) => (
                  <tr key={g.name}>
                    <th scope="row">{g.name}</th>
                    <td>{formatNumber(g.count, 'invalid')}</td>
                    <td>{formatNumber(g.completions, 'invalid')}</td>
                    <td>
                      {formatNumber(g.effectiveParallelism, 'invalid')}
                      {g.parallelisms !== null && g.parallelisms !== g.effectiveParallelism
                        ? ` (of ${formatNumber(g.parallelisms)})`
                        : ''}
                    </td>
                    <td>{formatNumber(g.pods, 'unknown')}</td>
                    <td>{formatNumber(g.concurrentPods, 'unknown')}</td>
                    <td>{wavesText(g)}</td>
                    <td>{globalRange(g)}</td>
                    <td>{formatNumber(g.pod.cpus)}</td>
                    <td>{formatNumber(g.pod.ramGB)}</td>
                    <td>
                      {formatNumber(g.pod.gpus)}
                      {g.pod.gpuProduct && g.pod.gpus ? ` × ${g.pod.gpuProduct}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager label="the job groups" {...page} />
          <p className="note">
            JOB_GLOBAL_INDEX follows the platform's order: groups sorted by name (
            {globalOrderText(expansion.groups)}
            ), not the order written in the manifest.
          </p>
        </>
      )}
    </section>
  );
}

/** The groups in the platform's order, the first dozen of them. */
function globalOrderText(groups: readonly GroupFigures[]): string {
  const names = [...groups].sort((a, b) => a.globalOrder - b.globalOrder).map((g) => g.name);
  return names.length > 12
    ? `${names.slice(0, 12).join(', ')}, … ${names.length - 12} more`
    : names.join(', ');
}
