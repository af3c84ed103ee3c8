/** Totals of the design: what it runs at peak, as plain numbers (a text alternative too). */
import { useDesigner } from '../../state/store.ts';
import { selectExpansion } from '../../state/selectors.ts';
import { formatNumber } from '../../app/format.ts';

export function ResourcesPanel() {
  const expansion = useDesigner(selectExpansion);
  const t = expansion?.totals;
  const rows: [string, number | null | undefined][] = [
    ['Jobs (GLOBAL_REPLICAS)', t?.jobs],
    ['Total pods', t?.pods],
    ['Peak concurrent pods', t?.concurrentPods],
    ['Peak CPUs', t?.peak.cpus],
    ['Peak RAM (GB)', t?.peak.ramGB],
    ['Peak GPUs', t?.peak.gpus],
  ];
  return (
    <aside className="panel resources" aria-labelledby="resources-title">
      <h2 id="resources-title">Resources</h2>
      <table aria-label="Resources">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{expansion ? formatNumber(value) : '—'}</td>
            </tr>
          ))}
          {t &&
            Object.entries(t.peak.gpusByProduct).map(([product, n]) => (
              <tr key={product} className="sub">
                <th scope="row">GPUs: {product}</th>
                <td>{formatNumber(n)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {t?.partial && (
        <p className="note">
          Partial totals: some groups have figures that are not set or not valid; the sums cover the
          rest.
        </p>
      )}
    </aside>
  );
}
