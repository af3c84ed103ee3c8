/** Focusing the form field of a path another view reveals (a problem's "show in form"). */
import { useEffect } from 'react';
import { useDesigner } from '../../state/store.ts';

/**
 * Focuses the form field of a revealed path (or of its nearest ancestor that has one). The form
 * may have just been shown, or still be rendering its groups: it looks again for a few frames.
 */
export function useRevealInForm() {
  useEffect(
    () =>
      useDesigner.subscribe((s, prev) => {
        const r = s.reveal;
        if (!r || r === prev.reveal || r.target !== 'form') return;
        let tries = 30;
        const inGroup = r.path[0] === 'spec' && r.path[1] === 'types' && r.path.length > 2;
        const look = () => {
          // Until the group's fields are there, a nearer place may still come.
          const ready =
            !inGroup ||
            !!document.querySelector(
              `form[aria-label="Manifest form"] fieldset.group.open[data-group="${CSS.escape(String(r.path[2]))}"]`,
            );
          for (let n = r.path.length; n > 0; n--) {
            const key = CSS.escape(r.path.slice(0, n).join('.'));
            const el = document.querySelector<HTMLElement>(
              `form[aria-label="Manifest form"] [data-path="${key}"]`,
            );
            // Not a group's name while its own field is on its way (the group just opened).
            if (el && (n === r.path.length || ready || tries <= 0)) {
              el.scrollIntoView({ block: 'center' });
              el.focus();
              return;
            }
          }
          if (tries-- > 0) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
    [],
  );
}
