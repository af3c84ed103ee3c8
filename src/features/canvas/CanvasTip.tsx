/**
 * A canvas's tooltip at the pointer (or the keyboard's bar): beside it, flipped to the other
 * side near the right or bottom edge so that it stays in the box. The first line is its title.
 */
export function CanvasTip({
  x,
  y,
  lines,
  box,
}: {
  x: number;
  y: number;
  lines: readonly string[];
  /** The canvas's size, and the room the tip needs beside the pointer. */
  box: { width: number; height: number; tipWidth: number; tipHeight: number };
}) {
  return (
    <div
      className="canvas-tip"
      role="tooltip"
      style={{
        left: x + 14 + box.tipWidth > box.width ? Math.max(0, x - box.tipWidth - 10) : x + 14,
        top: y + 14 + box.tipHeight > box.height ? y - box.tipHeight - 4 : y + 14,
      }}
    >
      {lines.map((l, i) => (
        <div key={i} className={i === 0 ? 'tip-title' : ''}>
          {l}
        </div>
      ))}
    </div>
  );
}
