/**
 * What the drawings are made of: plain shapes in pixels, with colours named by their role. The
 * layouts (grid, timeline) produce them for a viewport or for the whole design; one canvas
 * painter and one SVG writer draw them (`src/ui/draw/`), so the screen, the PNG and SVG exports
 * and the template thumbnails are the same picture.
 */

/** A colour by role; the painter's theme turns it into a colour. */
export type Tone =
  | 'text'
  | 'muted'
  | 'accent'
  | 'warning'
  | 'error'
  | 'selection'
  | 'grid'
  | 'background'
  | 'paused'
  | 'idle'
  | { readonly wave: number; readonly waves: number };

/** A run of text in one weight and tone, for labels made of parts ("worker  4 × 2 · …"). */
export interface TextSpan {
  readonly text: string;
  readonly bold?: boolean;
  readonly tone?: Tone;
}

export type Shape =
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly fill: Tone;
      readonly alpha?: number;
      /** Hover text in the SVG (a wave number, a pod count). */
      readonly title?: string;
    }
  | {
      readonly kind: 'frame';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly stroke: Tone;
      readonly width: number;
      readonly dash?: readonly number[];
      readonly alpha?: number;
    }
  | {
      /** Straight segments `x1 y1 x2 y2 …`, drawn in one stroke, snapped to whole pixels. */
      readonly kind: 'lines';
      readonly coords: readonly number[];
      readonly stroke: Tone;
      readonly width: number;
      readonly dash?: readonly number[];
    }
  | {
      readonly kind: 'text';
      readonly x: number;
      /** The vertical middle of the text. */
      readonly y: number;
      readonly spans: readonly TextSpan[];
      /** Font size in pixels. */
      readonly size: number;
      /** The default tone of the spans; `on` picks a tone readable over that fill. */
      readonly tone: Tone | { readonly on: Tone };
      readonly anchor?: 'start' | 'middle' | 'end';
      /** Squeezed to fit this width (canvas), when given. */
      readonly maxWidth?: number;
      /** A plain background behind the text, so it stays readable over bars. */
      readonly backdrop?: boolean;
    }
  | {
      readonly kind: 'clip';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
    }
  | { readonly kind: 'unclip' };

/** A picture: its size in pixels and its shapes, back to front. */
export interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly Shape[];
}

/** About how wide a text is in pixels, for placing labels where no font metrics are at hand. */
export function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.6 : 0.55);
}
