/** The price table: example prices, clearly labelled, that the user replaces with theirs. */
import { EXAMPLE_PRICES, isExamplePrices, type Prices } from '../../core/settings.ts';
import { useDesigner } from '../../state/store.ts';
import { selectExpansion } from '../../state/selectors.ts';
import { getOwn } from '../../core/own.ts';

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

  const update = (patch: Partial<Prices>) => setPrices({ ...prices, ...patch });
  const isExample = isExamplePrices(prices);
  return (
    <details className="prices">
      <summary>Prices{isExample ? ' (examples)' : ''}</summary>
      <p className="note">
        {isExample
          ? 'Example on-demand cloud prices, not your contract: enter your own.'
          : 'Your prices. They are saved with the design, not in the manifest.'}
      </p>
      <div className="settings-grid">
        <PriceInput
          label="$ per CPU-hour"
          value={prices.cpuHour}
          onChange={(cpuHour) => update({ cpuHour })}
        />
        <PriceInput
          label="$ per GB-hour"
          value={prices.gbHour}
          onChange={(gbHour) => update({ gbHour })}
        />
        {products.map((p) => (
          <PriceInput
            key={p}
            label={`$ per GPU-hour: ${p === 'default' ? 'other products' : p}`}
            value={getOwn(prices.gpuHour, p) ?? getOwn(prices.gpuHour, 'default') ?? 0}
            onChange={(n) => update({ gpuHour: { ...prices.gpuHour, [p]: n } })}
          />
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

/** A price field: applies non-negative numbers, ignores what is not one yet. */
function PriceInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min="0"
        step="0.001"
        value={value}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n) && n >= 0) onChange(n);
        }}
      />
    </label>
  );
}
