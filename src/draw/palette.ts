/**
 * Colours of the drawings: wave colours (a categorical palette for a few waves, a continuous
 * ramp for many), and the theme that turns a shape's tone (its role) into a colour.
 */
import { color, interpolateViridis, schemeTableau10 } from 'd3';
import type { Tone } from '../core/layout/shapes.ts';

export function waveColor(wave: number, waves: number): string {
  if (waves <= schemeTableau10.length) return schemeTableau10[wave % schemeTableau10.length]!;
  return interpolateViridis(waves <= 1 ? 0.5 : 0.1 + (0.85 * wave) / (waves - 1));
}

export const PAUSED_COLOR = '#9aa3b2';

export type Scheme = 'light' | 'dark';

export interface Theme {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly accent: string;
  readonly selection: string;
  readonly warning: string;
  /** A pod that failed in a rehearsal. */
  readonly error: string;
  readonly idle: string;
}

const THEMES: Record<Scheme, Theme> = {
  dark: {
    text: '#e6e9ef',
    muted: '#9aa3b2',
    grid: 'rgba(20,23,28,0.9)',
    background: '#14171c',
    accent: '#7aa2ff',
    selection: '#ffffff',
    warning: '#e3b341',
    error: '#ff6b6b',
    idle: '#8a6d2b',
  },
  light: {
    text: '#1d2330',
    muted: '#5b6475',
    grid: 'rgba(255,255,255,0.9)',
    background: '#ffffff',
    accent: '#2457c5',
    selection: '#111111',
    warning: '#a15c07',
    error: '#c62828',
    idle: '#e0c27a',
  },
};

export function theme(scheme: Scheme): Theme {
  return THEMES[scheme];
}

/** The colour of a tone in a theme. */
export function toneColor(tone: Tone, t: Theme): string {
  if (typeof tone === 'object') return waveColor(tone.wave, tone.waves);
  return tone === 'paused' ? PAUSED_COLOR : t[tone];
}

/** The colour of a text's tone: `{ on }` is dark or white, whichever reads on that fill. */
export function textColor(tone: Tone | { readonly on: Tone }, t: Theme): string {
  return typeof tone === 'object' && 'on' in tone
    ? textOn(toneColor(tone.on, t))
    : toneColor(tone, t);
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

export const FONT = 'system-ui, sans-serif';
