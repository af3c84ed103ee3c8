/** Per group: the figures behind the totals, each with its arithmetic (drawn only when opened). */
import { useState } from 'react';
import { figure, wavesFormula, type Expansion, type Figure, type Usage } from '../../core/ui.ts';
import { formatMoney, formatNumber } from '../../ui/format.ts';

export function GroupBreakdown({ usage, expansion }: { usage: Usage; expansion: Expansion }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="breakdown" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Per group</summary>
      {open && <Tables usage={usage} expansion={expansion} />}
    </details>
  );
}

function Tables({ usage, expansion }: { usage: Usage; expansion: Expansion }) {
  // A group's figures by its name, never by its place in another list.
  const byName = new Map(expansion.groups.map((f) => [f.name, f]));
  return (
    <>
      {usage.groups.map((g) => {
        const f = byName.get(g.name);
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
            plain(f?.waves, wavesFormula(f?.completions ?? null, f?.effectiveParallelism ?? null)),
            false,
          ],
          ['CPUs per pod', plain(f?.pod.cpus, 'resources.cpus'), false],
          ['RAM per pod (GB)', plain(f?.pod.ramGB, 'cpus x ramRatio, or memory'), false],
          [
            `GPUs per pod${f?.pod.gpuProduct ? ` (${f.pod.gpuProduct})` : ''}`,
            plain(f?.pod.gpus, 'accelerators.gpu.count'),
            false,
          ],
          ['Peak CPUs', figure(g, 'peakCpus'), false],
          ['Peak RAM (GB)', figure(g, 'peakRamGB'), false],
          ['Peak GPUs', figure(g, 'peakGpus'), false],
          ['Pod-hours', figure(g, 'podHours'), false],
          ['CPU-hours', figure(g, 'cpuHours'), false],
          ['GB-hours', figure(g, 'gbHours'), false],
          ['GPU-hours', figure(g, 'gpuHours'), false],
          ['Cost, requested', figure(g, 'requestedCost'), true],
          ['Cost, reserved', figure(g, 'reservedCost'), true],
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
    </>
  );
}
