/**
 * $ per hour (or GPUs in use) over the simulated run: D3 computes the scales, React draws. The
 * time axis always spans the run (at least the planned makespan), never a zero-length range.
 */
import { curveStepAfter, line, max, scaleLinear } from 'd3';
import { useState } from 'react';
import type { SimSeries } from '../../core/ui.ts';
import { tickLabel } from '../../core/layout/axis.ts';

const W = 240;
const H = 90;
const M = { left: 34, right: 6, top: 6, bottom: 18 };

export function CostChart({ series, span }: { series: SimSeries; span: number }) {
  const [measure, setMeasure] = useState<'costPerHour' | 'gpus'>('costPerHour');
  const ys = [...series[measure]];
  const ts = [...series.t];
  const tEnd = Math.max(span, ts[ts.length - 1] ?? 0, 1);
  // A run that never finishes holds its last rate on to the end of the chart.
  if (ts.length && ts[ts.length - 1]! < tEnd && ys[ys.length - 1]! > 0) {
    ts.push(tEnd);
    ys.push(ys[ys.length - 1]!);
  }
  const x = scaleLinear()
    .domain([0, tEnd])
    .range([M.left, W - M.right]);
  const peak = max(ys) ?? 0;
  const y = scaleLinear()
    .domain([0, Math.max(peak, 1)])
    .nice(3)
    .range([H - M.bottom, M.top]);
  const path = line<number>()
    .x((_, i) => x(ts[i]!))
    .y((v) => y(v))
    .curve(curveStepAfter)(ys);
  const label = measure === 'costPerHour' ? '$ per hour' : 'GPUs in use';
  return (
    <figure className="cost-chart">
      <div className="chart-switch" role="group" aria-label="Chart measure">
        <button
          type="button"
          aria-pressed={measure === 'costPerHour'}
          onClick={() => setMeasure('costPerHour')}
        >
          $/hour
        </button>
        <button type="button" aria-pressed={measure === 'gpus'} onClick={() => setMeasure('gpus')}>
          GPUs
        </button>
      </div>
      <svg
        width={W}
        height={H}
        role="img"
        aria-label={`${label} over ${tickLabel(tEnd)} hours, peak ${tickLabel(peak)}`}
      >
        {y.ticks(3).map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="gridline" />
            <text x={M.left - 4} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {tickLabel(v)}
            </text>
          </g>
        ))}
        {x.ticks(4).map((v) => (
          // A label at the right edge ends there, never cut by it.
          <text key={v} x={x(v)} y={H - 4} textAnchor={x(v) > W - 16 ? 'end' : 'middle'}>
            {tickLabel(v)}h
          </text>
        ))}
        {path && <path d={path} className="series" />}
      </svg>
      <figcaption className="note">{label} over the simulated run</figcaption>
    </figure>
  );
}
