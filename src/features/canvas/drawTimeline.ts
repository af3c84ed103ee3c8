/**
 * Draws the timeline: per group, lanes of Jobs (or one band standing for many identical Jobs),
 * a row per pod slot, a bar per pod for one pod duration; only the waves in view, and one
 * continuous band where bars would be thinner than two pixels. The makespan is marked.
 */
import type { ScaleLinear } from 'd3';
import type { SimGroup } from '../../core/sim/simulate.ts';
import { lastWaveFill, podInSlot, type TimelineLayout } from '../../core/layout/timeline.ts';
import { PAUSED_COLOR, waveColor, type CanvasTheme } from './palette.ts';

export const LABEL_WIDTH = 150;

export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  t: TimelineLayout,
  x: ScaleLinear<number, number>,
  size: { width: number; height: number },
  theme: CanvasTheme,
  maxWaves: number,
  dpr: number,
  simulatedMakespan: number | null = null,
  simulated: readonly SimGroup[] = [],
) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const [t0, t1] = x.domain() as [number, number];
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, 0, size.width - LABEL_WIDTH, size.height);
  ctx.clip();
  for (const g of t.groups) {
    const f = g.figures;
    const p = f.effectiveParallelism ?? 0;
    for (const lane of g.lanes) {
      for (let slot = 0; slot < lane.rows; slot++) {
        const y = lane.y + slot * t.row + 1;
        const h = t.row - 2;
        if (f.state !== 'runs' || !f.waves) {
          ctx.fillStyle = PAUSED_COLOR;
          ctx.fillRect(LABEL_WIDTH, y, size.width - LABEL_WIDTH, h / 3);
          continue;
        }
        const d = g.duration;
        const w0 = Math.max(0, Math.floor(t0 / d));
        const w1 = Math.min(f.waves, Math.ceil(t1 / d));
        const barWidth = x(d) - x(0);
        if (barWidth < 2) {
          // Too thin to tell bars apart: one band over the waves in view.
          ctx.fillStyle = waveColor(0, maxWaves);
          ctx.globalAlpha = 0.75;
          ctx.fillRect(x(w0 * d), y, x(w1 * d) - x(w0 * d), h);
          ctx.globalAlpha = 1;
          continue;
        }
        for (let w = w0; w < w1; w++) {
          const running = lane.aggregated
            ? w === f.waves - 1
              ? lastWaveFill(f)
              : 1
            : podInSlot(f, w, slot) === null
              ? 0
              : 1;
          if (!running) continue;
          ctx.fillStyle = waveColor(w, maxWaves);
          ctx.globalAlpha = lane.aggregated ? 0.35 + 0.65 * running : 1;
          const gap = barWidth > 6 ? 1.5 : 0;
          ctx.fillRect(x(w * d) + gap, y, barWidth - 2 * gap, h);
          ctx.globalAlpha = 1;
        }
        if (lane.aggregated && barWidth > 40 && slot === 0) {
          ctx.fillStyle = '#ffffff';
          ctx.fillText(`×${p.toLocaleString('en-US')}`, x(w0 * d) + 4, y + h / 2);
        }
      }
    }
  }
  // Groups whose pods queue on the user's cluster: from their unlimited end to their end there.
  ctx.font = '11px system-ui, sans-serif';
  for (const g of t.groups) {
    const sg = simulated.find((x) => x.name === g.name);
    if (!sg || (!sg.delayedPods && !sg.neverStarts) || !g.figures.waves) continue;
    const from = x(g.figures.waves * g.duration);
    const to = sg.end === null ? size.width : x(sg.end);
    ctx.fillStyle = theme.warning;
    ctx.globalAlpha = 0.35;
    ctx.fillRect(Math.max(LABEL_WIDTH, from), g.y + 4, Math.max(2, to - from), 10);
    ctx.globalAlpha = 1;
    const label =
      sg.end === null
        ? 'never finishes on your cluster'
        : `queued: ends at ${sg.end.toLocaleString('en-US')} h`;
    ctx.fillStyle = theme.text;
    ctx.fillText(label, Math.max(LABEL_WIDTH, from) + 4, g.y + 9);
  }
  // The makespan, and the longer one on the user's cluster.
  if (t.makespan > 0) vline(ctx, x(t.makespan), size.height, theme.accent, [4, 3]);
  if (simulatedMakespan !== null)
    vline(ctx, x(simulatedMakespan), size.height, theme.warning, [2, 3]);
  ctx.restore();
  // Labels on the left, over a plain background.
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, LABEL_WIDTH, size.height);
  for (const g of t.groups) {
    ctx.fillStyle = theme.text;
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.fillText(g.name, 4, g.y + 10, LABEL_WIDTH - 8);
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = theme.muted;
    for (const lane of g.lanes) {
      ctx.fillText(
        lane.label.replace(`${g.name} `, 'Job '),
        12,
        lane.y + (lane.rows * t.row) / 2,
        LABEL_WIDTH - 16,
      );
    }
  }
}

function vline(
  ctx: CanvasRenderingContext2D,
  x: number,
  height: number,
  color: string,
  dash: number[],
) {
  const px = Math.round(x) + 0.5;
  ctx.strokeStyle = color;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(px, 0);
  ctx.lineTo(px, height);
  ctx.stroke();
  ctx.setLineDash([]);
}
