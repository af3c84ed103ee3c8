/** The price table: example prices, clearly labelled, that the user replaces with theirs. */
import { EXAMPLE_PRICES, type Prices } from '../../core/settings.ts';
import { useDesigner } from '../../state/store.ts';
import { selectExpansion } from '../../state/selectors.ts';

export function PricesPanel() {
  const prices = useDesigner((s) => s.prices);
  const setPrices = useDesigner((s) => s.setPrices);
  const expansion = useDesigner(selectExpansion);
  const products = [
    ...new Set(
      (expansion?.groups ?? []).filter((g) => g.pod.gpus).map((g) => g.pod.gpuProduct ?? 'default'),
    ),
    'default',
  ].filter((p, i, a) => a.indexOf(p) === i);
  const num = (v: string) => {
    const n = Number(v);
    return Number.isFinite(n) && n >= 0 ? n : null;
  };
  const update = (patch: Partial<Prices>) => setPrices({ ...prices, ...patch });
  const isExample = prices === EXAMPLE_PRICES;
  return (
    <details className="prices">
      <summary>Prices{isExample ? ' (examples)' : ''}</summary>
      <p className="note">
        {isExample
          ? 'Example on-demand cloud prices, not your contract: enter your own.'
          : 'Your prices. They are saved with the design, not in the manifest.'}
      </p>
      <div className="settings-grid">
        <label>
          $ per CPU-hour
          <input
            type="number"
            min="0"
            step="0.001"
            value={prices.cpuHour}
            onChange={(e) =>
              num(e.target.value) !== null && update({ cpuHour: num(e.target.value)! })
            }
          />
        </label>
        <label>
          $ per GB-hour
          <input
            type="number"
            min="0"
            step="0.001"
            value={prices.gbHour}
            onChange={(e) =>
              num(e.target.value) !== null && update({ gbHour: num(e.target.value)! })
            }
          />
        </label>
        {products.map((p) => (
          <label key={p}>
            $ per GPU-hour: {p === 'default' ? 'other products' : p}
            <input
              type="number"
              min="0"
              step="0.01"
              value={prices.gpuHour[p] ?? prices.gpuHour.default ?? 0}
              onChange={(e) => {
                const n = num(e.target.value);
                if (n !== null) update({ gpuHour: { ...prices.gpuHour, [p]: n } });
              }}
            />
          </label>
        ))}
      </div>
      {!isExample && (
        <button type="button" onClick={() => setPrices(EXAMPLE_PRICES)}>
          Back to example prices
        </button>
      )}
    </details>
  );
}
