/** Wave colours: a categorical palette for a few waves, a continuous ramp for many. */
import { color, interpolateViridis, schemeTableau10 } from 'd3';

export function waveColor(wave: number, waves: number): string {
  if (waves <= schemeTableau10.length) return schemeTableau10[wave % schemeTableau10.length]!;
  return interpolateViridis(waves <= 1 ? 0.5 : 0.1 + (0.85 * wave) / (waves - 1));
}

export const PAUSED_COLOR = '#9aa3b2';

export interface CanvasTheme {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly accent: string;
  readonly selection: string;
  readonly warning: string;
}

export function canvasTheme(
  scheme: 'light' | 'dark' = window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light',
): CanvasTheme {
  const dark = scheme === 'dark';
  return dark
    ? {
        text: '#e6e9ef',
        muted: '#9aa3b2',
        grid: 'rgba(20,23,28,0.9)',
        background: '#14171c',
        accent: '#7aa2ff',
        selection: '#ffffff',
        warning: '#e3b341',
      }
    : {
        text: '#1d2330',
        muted: '#5b6475',
        grid: 'rgba(255,255,255,0.9)',
        background: '#ffffff',
        accent: '#2457c5',
        selection: '#111111',
        warning: '#a15c07',
      };
}

/** Dark or white text, whichever reads on `background` (by its relative luminance). */
export function textOn(background: string): string {
  const c = color(background)?.rgb();
  if (!c) return '#ffffff';
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  return l > 0.4 ? '#111111' : '#ffffff';
}
