/**
 * The time now, in ms since the epoch, renewed every `everyMs` while mounted: for what counts
 * down to a moment (a wait in Kueue's queue). Read in an effect, never during render.
 */
import { useEffect, useState } from 'react';

export function useNow(everyMs = 60_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
