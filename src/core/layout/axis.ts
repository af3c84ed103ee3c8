import { num } from '../format.ts';

/** Tick values for an axis: round numbers, about `count` of them over `[start, stop]`. */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(stop > start) || !Number.isFinite(start) || !Number.isFinite(stop) || count < 1) {
    return Number.isFinite(start) ? [start] : [];
  }
  const raw = (stop - start) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = power * (error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1);
  const first = Math.ceil(start / step);
  const last = Math.floor(stop / step);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(clean(i * step));
  return out;
}

/** A tick as a label: no float noise, thousands separated. */
export function tickLabel(v: number): string {
  return num(clean(v), 6);
}

function clean(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}
