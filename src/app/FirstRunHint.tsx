/**
 * The first visit: three things to try, until dismissed (remembered in this browser). Not shown
 * to a design opened from a link or one saved before: those visitors know why they came.
 */
import { useState } from 'react';
import { HINT_DISMISSED_KEY as KEY } from './firstVisit.ts';

function wasDismissed(): boolean {
  // The build's first page is a first visit's: nothing dismissed yet.
  if (typeof window === 'undefined') return false;
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return true;
  }
}

export function FirstRunHint({ firstVisit }: { firstVisit: boolean }) {
  const [shown, setShown] = useState(() => firstVisit && !wasDismissed());
  if (!shown) return null;
  const dismiss = () => {
    setShown(false);
    try {
      localStorage.setItem(KEY, '1');
    } catch {
      // a browser that keeps nothing shows the hint again next time
    }
  };
  return (
    <aside className="notices first-run" aria-label="Getting started">
      <p className="notice">
        <span>
          Three things to try: change a <code>count</code> in the YAML or the form and watch the
          grid follow; open <b>Templates</b> for the platform&apos;s examples; <b>Share</b> gives a
          link that reopens this design exactly.
        </span>
        <button type="button" onClick={dismiss}>
          Got it
        </button>
      </p>
    </aside>
  );
}
