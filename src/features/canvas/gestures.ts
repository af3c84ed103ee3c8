/**
 * One gesture convention for the grid and the timeline: the wheel scrolls the page; Ctrl/Cmd +
 * wheel (and a trackpad pinch, which arrives as Ctrl+wheel) zooms; a drag pans.
 */

/** d3-zoom's filter: which events start a zoom or a pan. */
export function zoomFilter(e: Event): boolean {
  if (e.type === 'wheel') return (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey;
  return !(e as MouseEvent).button;
}

/** d3-zoom's wheel step, with Cmd as fast as Ctrl (d3 speeds up only Ctrl, a pinch's key). */
export function zoomWheelDelta(e: WheelEvent): number {
  const step = e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002;
  return -e.deltaY * step * (e.ctrlKey || e.metaKey ? 10 : 1);
}
