/** Per group: the figures behind the totals, each with its arithmetic. */
import type { Figure, Usage } from '../../core/index.ts';
import { formatMoney, formatNumber } from '../../app/format.ts';

export function GroupBreakdown({ usage }: { usage: Usage }) {
  return (
    <details className="breakdown">
      <summary>Per group</summary>
      {usage.groups.map((g) => {
        const rows: [string, Figure, boolean][] = [
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
