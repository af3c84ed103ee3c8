/** Per group: the figures behind the totals, each with its arithmetic. */
import type { Expansion, Figure, Usage } from '../../core/index.ts';
import { formatMoney, formatNumber } from '../../ui/format.ts';

export function GroupBreakdown({ usage, expansion }: { usage: Usage; expansion: Expansion }) {
  return (
    <details className="breakdown">
      <summary>Per group</summary>
      {usage.groups.map((g, i) => {
        // Usage keeps the expansion's order (the manifest's).
        const f = expansion.groups[i];
        const plain = (value: number | null | undefined, formula: string): Figure => ({
          value: value ?? null,
          formula,
        });
        const rows: [string, Figure, boolean][] = [
          ['Jobs', plain(f?.count, 'count'), false],
          [
            'Total pods',
            plain(f?.pods, `${f?.count ?? '?'} jobs x ${f?.completions ?? '?'} pods`),
            false,
          ],
          [
            'Peak concurrent pods',
            plain(
              f?.concurrentPods,
              `${f?.count ?? '?'} jobs x ${f?.effectiveParallelism ?? '?'} at a time`,
            ),
            false,
          ],
          [
            'Waves per Job',
            plain(f?.waves, `ceil(${f?.completions ?? '?'} / ${f?.effectiveParallelism ?? '?'})`),
            false,
          ],
          ['CPUs per pod', plain(f?.pod.cpus, 'resources.cpus'), false],
          ['RAM per pod (GB)', plain(f?.pod.ramGB, 'cpus x ramRatio, or memory'), false],
          [
            `GPUs per pod${f?.pod.gpuProduct ? ` (${f.pod.gpuProduct})` : ''}`,
            plain(f?.pod.gpus, 'accelerators.gpu.count'),
            false,
          ],
          ['Peak CPUs', g.peakCpus, false],
          ['Peak RAM (GB)', g.peakRamGB, false],
          ['Peak GPUs', g.peakGpus, false],
          ['Pod-hours', g.podHours, false],
          ['CPU-hours', g.cpuHours, false],
          ['GB-hours', g.gbHours, false],
          ['GPU-hours', g.gpuHours, false],
          ['Cost, requested', g.requestedCost, true],
          ['Cost, reserved', g.reservedCost, true],
        ];
        return (
          <table key={g.name} aria-label={`Figures of ${g.name}`} className="group-figures">
            <caption>
              {g.name} · runs {formatNumber(g.runHours, '?')} h
            </caption>
            <tbody>
              {rows.map(([label, f, money]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td title={f.formula}>{money ? formatMoney(f.value) : formatNumber(f.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </details>
  );
}
