/**
 * The command that rehearses this design on one's own machine (`jobset-designer rehearse`), with
 * the design's link so that the settings (durations, capacity, synchronous groups, sweeps) come
 * along: the link autosave writes into the address bar, not a second one made per keystroke.
 */
import { shellQuote } from '../../core/quote.ts';
import { useDesigner } from '../../state/store.ts';
import { useCopy } from '../../ui/useCopy.ts';

export function RehearseCommand() {
  const link = useDesigner((s) => s.link);
  const notify = useDesigner((s) => s.notify);
  const { copied, copy } = useCopy((m) => notify(m, 'error'));
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
