/**
 * The command that rehearses this design on one's own machine (`jobset-designer rehearse`), with
 * the design's link so that the settings (durations, capacity, synchronous groups, sweeps) come
 * along. The link is made by the designer's own codec, like the address bar's.
 */
import { useEffect, useState } from 'react';
import { encodeDesign } from '../../state/persist/codec.ts';
import { designSettings } from '../../state/slices/design.ts';
import { useDesigner } from '../../state/store.ts';
import { useCopy } from '../../ui/useCopy.ts';

/** Single-quoted for a POSIX shell: nothing in it is expanded. */
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function RehearseCommand() {
  const text = useDesigner((s) => s.text);
  const settingsVersion = useDesigner((s) => s.settingsVersion);
  const [link, setLink] = useState<string | null | undefined>(undefined);
  const { copied, copy } = useCopy();
  useEffect(() => {
    let current = true;
    void encodeDesign({ text, settings: designSettings(useDesigner.getState()) }).then(
      (l) => current && setLink(l),
    );
    return () => {
      current = false;
    };
  }, [text, settingsVersion]);
  const command =
    link &&
    `npx jobset-designer rehearse ${shellQuote(`${location.origin}${location.pathname}#${link}`)} --seconds-per-hour 1`;
  return (
    <section className="rehearse-command" aria-labelledby="rehearse-title">
      <p className="muted">
        <strong id="rehearse-title">Rehearse on your machine:</strong> every pod a local process on
        this schedule, a pod&apos;s work a sleep of 1 s per hour. Drop the{' '}
        <code>rehearsal.json</code> it writes here to see the run.
      </p>
      {link === null ? (
        <p>
          This design is too large for a link: save it as a file and run{' '}
          <code>npx jobset-designer rehearse manifest.yaml</code>.
        </p>
      ) : (
        <div className="rehearse-line">
          <code data-testid="rehearse-command" tabIndex={0}>
            {command ?? 'Making the link...'}
          </code>
          <button
            type="button"
            disabled={!command}
            onClick={() => command && void copy(command, 'the command')}
          >
            {copied ? 'Copied' : 'Copy command'}
          </button>
        </div>
      )}
    </section>
  );
}
