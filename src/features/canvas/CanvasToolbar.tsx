/** The canvas's toolbar: fit the grid to view, export it and the timeline, and the wave legend. */
import { useState } from 'react';
import type { Drawing } from '../../core/layout/shapes.ts';
import { useDesigner } from '../../state/store.ts';
import { selectDesignName } from '../../state/selectors.ts';
import { fileStem } from '../../ui/download.ts';
import { waveColor } from '../../draw/palette.ts';
import { formatNumber } from '../../ui/format.ts';
import { exportPng, exportSvg } from './exportImage.ts';
import type { Scope } from './exportDrawings.ts';

export function CanvasToolbar({
  tableView,
  maxWaves,
  onFit,
  drawings,
}: {
  tableView: boolean;
  maxWaves: number;
  onFit: () => void;
  /** The drawings to export, read when the user exports (the view may have moved since). */
  drawings: (scope: Scope) => Drawing[];
}) {
  const designName = useDesigner(selectDesignName);
  const [scope, setScope] = useState<Scope>('whole');
  const stem = fileStem(designName);
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" onClick={onFit} disabled={tableView}>
        Fit to view
      </button>
      <label className="export-scope">
        Export
        <select
          value={scope}
          onChange={(e) => setScope(e.target.value as Scope)}
          aria-label="What to export"
        >
          <option value="whole">whole design</option>
          <option value="view" disabled={tableView}>
            current view
          </option>
        </select>
      </label>
      <button
        type="button"
        onClick={() => void exportPng(drawings(scope), designName, `${stem}-jobs-and-pods.png`)}
      >
        PNG
      </button>
      <button
        type="button"
        onClick={() => exportSvg(drawings(scope), designName, `${stem}-jobs-and-pods.svg`)}
      >
        SVG
      </button>
      <Legend maxWaves={maxWaves} />
    </div>
  );
}

function Legend({ maxWaves }: { maxWaves: number }) {
  const shown = Math.min(maxWaves, 10);
  return (
    <ul className="legend" aria-label="Wave colours">
      {Array.from({ length: shown }, (_, w) => {
        const wave = shown === maxWaves ? w : Math.round((w * (maxWaves - 1)) / (shown - 1 || 1));
        return (
          <li key={w}>
            <span className="swatch" style={{ background: waveColor(wave, maxWaves) }} />
            wave {wave + 1}
          </li>
        );
      })}
      {shown < maxWaves && <li className="muted">of {formatNumber(maxWaves)}</li>}
    </ul>
  );
}
