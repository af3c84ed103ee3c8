/**
 * The hint a map gives: a plain wheel over a canvas scrolls the page, so say once, briefly, how
 * to zoom instead. Shown while the wheel turns and a moment after.
 */
import { useEffect, useState, type RefObject } from 'react';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function WheelHint({ target }: { target: RefObject<HTMLElement | null> }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let timer = 0;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) return setShown(false);
      setShown(true);
      clearTimeout(timer);
      timer = window.setTimeout(() => setShown(false), 1500);
    };
    el.addEventListener('wheel', onWheel, { passive: true });
    return () => {
      el.removeEventListener('wheel', onWheel);
      clearTimeout(timer);
    };
  }, [target]);
  if (!shown) return null;
  return (
    <div className="wheel-hint" role="status">
      {isMac ? '⌘' : 'Ctrl'} + scroll to zoom · drag to pan
    </div>
  );
}
