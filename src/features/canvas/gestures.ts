/**
 * One gesture convention for the grid and the timeline: the wheel scrolls the page; Ctrl/Cmd +
 * wheel (and a trackpad pinch, which arrives as Ctrl+wheel) zooms; a drag pans.
 */

/** d3-zoom's filter: which events start a zoom or a pan. */
export function zoomFilter(e: Event): boolean {
  if (e.type === 'wheel') return (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey;
  return !(e as MouseEvent).button;
}

/** The most one wheel event zooms: 2^0.38, about 1.3x, a step a person can follow. */
export const MAX_ZOOM_STEP = 0.38;

/**
 * d3-zoom's wheel step (the zoom is 2^step): a trackpad pinch's many small events zoom in
 * proportion, smoothly; a mouse wheel's notch (100 px, or 3 lines) zooms by about 1.3x, not
 * the 4x of d3's default, so that ten notches still keep the grid in reach.
 */
export function zoomWheelDelta(e: WheelEvent): number {
  const perPixel = e.deltaMode === 1 ? 0.5 : e.deltaMode ? 10 : 0.02;
  const step = -e.deltaY * perPixel;
  return Math.max(-MAX_ZOOM_STEP, Math.min(MAX_ZOOM_STEP, step));
}
