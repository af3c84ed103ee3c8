/** $ per hour (or GPUs in use) over the simulated schedule: D3 computes, React draws. */
import { curveStepAfter, line, max, scaleLinear } from 'd3';
import { useState } from 'react';
import type { SimSeries } from '../../core/index.ts';

const W = 240;
const H = 90;
const M = { left: 34, right: 6, top: 6, bottom: 18 };

export function CostChart({ series }: { series: SimSeries }) {
  const [measure, setMeasure] = useState<'costPerHour' | 'gpus'>('costPerHour');
  const ys = series[measure];
  const tEnd = series.t[series.t.length - 1] ?? 1;
  const x = scaleLinear()
    .domain([0, Math.max(tEnd, 1e-9)])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(max(ys) ?? 1, 1e-9)])
    .nice(3)
    .range([H - M.bottom, M.top]);
  const path = line<number>()
    .x((_, i) => x(series.t[i]!))
    .y((v) => y(v))
    .curve(curveStepAfter)(ys as number[]);
  const label = measure === 'costPerHour' ? '$ per hour' : 'GPUs in use';
  const peak = max(ys) ?? 0;
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
      <svg width={W} height={H} role="img" aria-label={`${label} over ${tEnd} hours, peak ${peak}`}>
        {y.ticks(3).map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="gridline" />
            <text x={M.left - 4} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {v}
            </text>
          </g>
        ))}
        {x.ticks(4).map((v) => (
          <text key={v} x={x(v)} y={H - 4} textAnchor="middle">
            {v}h
          </text>
        ))}
        {path && <path d={path} className="series" />}
      </svg>
      <figcaption className="note">{label} over the simulated run</figcaption>
    </figure>
  );
}
