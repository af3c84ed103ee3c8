/**
 * "Pod details": the selected pod as the platform will run it. Asked for (a click or Enter on a
 * pod), they scroll into view and take focus; Esc or the close button goes back to the pod.
 */
import { useEffect, useMemo, useRef } from 'react';
import {
  paramsText,
  podAt,
  podParams,
  type Expansion,
  type GroupFigures,
  type Plan,
  type Pod,
  noVariablesNote,
  type Operator,
  type PodEnv,
} from '../../core/ui.ts';
import { formatNumber } from '../../ui/format.ts';
import { useDesigner } from '../../state/store.ts';
import { selectExpansion, selectSchedule } from '../../state/selectors.ts';
import { outcomesByName } from '../../core/rehearse/actual.ts';
import type { PodOutcome } from '../../core/record/record.ts';

export function PodDetails() {
  const expansion = useDesigner(selectExpansion);
  const schedule = useDesigner(selectSchedule);
  const selected = useDesigner((s) => s.selected);
  const open = useDesigner((s) => s.detailsOpen);
  const close = useDesigner((s) => s.setDetailsOpen);
  if (!open || !selected || !expansion || !schedule) return null;
  return (
    <Details
      expansion={expansion}
      plan={schedule.plan}
      selected={selected}
      onClose={() => {
        close(false);
        backToPod();
      }}
    />
  );
}

/** The last request for details that was brought into view (see `detailsAsked`). */
let answered = 0;

/** Focus back on the view the pod was chosen in (the grid, or the table view's row). */
function backToPod() {
  const grid = document.querySelector<HTMLElement>('.grid-canvas canvas, .table-view');
  grid?.focus();
}

/** The details of one pod: its names, when it runs, what it asks for, and its variables. */
function Details({
  expansion,
  plan,
  selected,
  onClose,
}: {
  expansion: Expansion;
  plan: Plan;
  selected: { group: string; job: number; pod: number };
  onClose: () => void;
}) {
  const groupPlan = plan.groups.find((g) => g.name === selected.group);
  const pod = groupPlan && podAt(expansion, groupPlan, selected.job, selected.pod);
  const group = groupPlan?.figures;
  const sweeps = useDesigner((s) => s.sweeps);
  const params = pod ? podParams(sweeps, pod) : null;
  const record = useDesigner((s) => s.rehearsal?.record ?? null);
  const byName = useMemo(() => record && outcomesByName(record), [record]);
  const outcome = (pod && byName?.get(pod.name)) ?? null;
  const heading = useHeadingWhenAsked();
  if (!group || !pod) return null;
  return (
    <section
      className="panel pod-details"
      aria-labelledby="pod-details-title"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        backToPod();
      }}
    >
      <div className="panel-title">
        <h2 id="pod-details-title" ref={heading} tabIndex={-1}>
          Pod details
        </h2>
        <button type="button" aria-label="Close pod details" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="pod-name">
        <code>{pod.name}</code>
      </p>
      <PodFacts pod={pod} group={group} params={params} />
      {outcome && <Rehearsed outcome={outcome} perHour={record!.options.secondsPerHour} />}
      <EnvTable env={pod.env} operator={expansion.run.operator} />
      <p className="note">
        The experiment name is a placeholder; the platform generates it (24 characters) and adds a
        random 5-character suffix to pod names.
      </p>
    </section>
  );
}

/**
 * The details' heading, scrolled into view and focused when details are asked for (a click or
 * Enter on a pod).
 */
function useHeadingWhenAsked() {
  const asked = useDesigner((s) => s.detailsAsked);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const h = heading.current;
    // Only a new request: details that mount again (the canvas redrawn after an edit) stay put.
    if (!h || asked <= answered) return;
    answered = asked;
    h.closest('section')?.scrollIntoView({ block: 'nearest' });
    h.focus({ preventScroll: true });
  }, [asked]);
  return heading;
}

/** The pod as the platform runs it: its names, wave and hours, requests and sweep point. */
function PodFacts({
  pod,
  group,
  params,
}: {
  pod: Pod;
  group: GroupFigures;
  params: ReturnType<typeof podParams>;
}) {
  return (
    <dl className="pod-facts">
      <dt>Platform pod name</dt>
      <dd>
        <code>{pod.hostname}-xxxxx</code>
      </dd>
      <dt>Hostname</dt>
      <dd>
        <code>{pod.hostname}</code>
      </dd>
      <dt>Runs</dt>
      <dd>
        {pod.wave === null
          ? 'never (paused)'
          : `wave ${pod.wave + 1} of ${group.waves}, from ${pod.start} h to ${pod.end} h (planned)`}
      </dd>
      <dt>Requests</dt>
      <dd>
        {formatNumber(group.pod.cpus)} CPUs, {formatNumber(group.pod.ramGB)} GB RAM
        {group.pod.gpus
          ? `, ${group.pod.gpus} × ${group.pod.gpuProduct ?? 'GPU (no product)'}`
          : ''}
      </dd>
      {params && (
        <>
          <dt>Sweep point</dt>
          <dd data-testid="sweep-point">{paramsText(params)}</dd>
        </>
      )}
    </dl>
  );
}

/** The variables the platform injects into the pod, one row each. */
function EnvTable({ env, operator }: { env: PodEnv; operator: Operator }) {
  if (!Object.keys(env).length) return <p className="note">{noVariablesNote(operator)}</p>;
  return (
    <table aria-label="Injected variables" className="env">
      <tbody>
        {Object.entries(env).map(([k, v]) => (
          <tr key={k}>
            <th scope="row">
              <code>{k}</code>
            </th>
            <td>
              <code>{v}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The pod in the rehearsal shown: how it ended, when it ran, and the end of its log. */
function Rehearsed({ outcome: o, perHour }: { outcome: PodOutcome; perHour: number }) {
  const s = (x: number) => `${formatNumber(x)} s`;
  const how =
    o.status === 'succeeded'
      ? 'succeeded (exit code 0)'
      : o.status === 'not-started'
        ? `never started${o.reason ? `: ${o.reason}` : ''}`
        : `failed: ${o.reason ?? (o.signal ? `ended by ${o.signal}` : `exit code ${o.exitCode}`)}`;
  return (
    <div className="pod-rehearsal" data-testid="pod-rehearsal">
      <h3>In the rehearsal</h3>
      <dl className="pod-facts">
        <dt>Outcome</dt>
        <dd className={o.status === 'failed' ? 'failed' : undefined}>{how}</dd>
        {o.actual && (
          <>
            <dt>Ran</dt>
            <dd>
              from {s(o.actual.start)} to {o.actual.end === null ? 'never' : s(o.actual.end)}
              {o.planned
                ? ` (planned ${s(o.planned.start)} to ${o.planned.end === null ? 'never' : s(o.planned.end)})`
                : ''}
              , at {formatNumber(perHour)} s per hour
            </dd>
          </>
        )}
        {(o.delay > 0 || o.killAfter !== null) && (
          <>
            <dt>Faults asked for</dt>
            <dd>
              {[
                o.delay > 0 ? `started ${s(o.delay)} late` : '',
                o.killAfter !== null ? `killed ${s(o.killAfter)} after its start` : '',
              ]
                .filter(Boolean)
                .join('; ')}
            </dd>
          </>
        )}
      </dl>
      {o.tail.length > 0 && (
        <figure className="pod-log">
          <figcaption>
            End of <code>{o.log}</code>
          </figcaption>
          <pre tabIndex={0}>{o.tail.join('\n')}</pre>
        </figure>
      )}
    </div>
  );
}
