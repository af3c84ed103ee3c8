/**
 * The "Resources" sidebar: what the design asks of the cluster at its peak and over its run, what
 * that costs, and what happens on the cluster the user has. Every figure explains its arithmetic
 * on hover; figures that depend on unset resources say so instead of showing 0.
 */
import {
  categoryOf,
  explain,
  jobsLabel,
  headline,
  NEVER_FINISHES,
  sameMoney,
  type Expansion,
  type Headline,
  type Usage,
  type UsageFigure,
} from '../../core/ui.ts';
import { Figure } from '../../ui/Figure.tsx';
import { compactFigure, formatMoney, formatNumber } from '../../ui/format.ts';
import { useDesigner } from '../../state/store.ts';
import { useApplyFix } from '../../state/fixes.ts';
import {
  selectDiagnostics,
  selectExpansion,
  selectSchedule,
  selectShowingLastGood,
  selectUsage,
} from '../../state/selectors.ts';
import { ClusterPanel } from './ClusterPanel.tsx';
import { KueuePanel } from './KueuePanel.tsx';
import { GroupBreakdown } from './GroupBreakdown.tsx';
import { LintList } from '../../ui/LintList.tsx';
import { PricesPanel } from './PricesPanel.tsx';
import './sidebar.css';

const TOOLTIP_GROUPS = 12;

export function ResourcesPanel() {
  const applyFix = useApplyFix();
  const expansion = useDesigner(selectExpansion);
  const u = useDesigner(selectUsage);
  const schedule = useDesigner(selectSchedule);
  const lastGood = useDesigner(selectShowingLastGood);
  const h = schedule && u ? headline(schedule, u) : null;
  const waveLints = (useDesigner(selectDiagnostics) ?? []).filter(
    (d) => categoryOf(d.code) === 'waves',
  );
  const t = expansion?.totals;
  const sumOf = (which: UsageFigure) => (u ? tooltipSum(u, which) : '');
  const rows = peakRows(expansion, sumOf);
  const run: [string, string, string][] = u && h ? runRows(h, u, sumOf) : [];
  return (
    <aside className="panel resources" aria-labelledby="resources-title">
      <h2 id="resources-title">Resources</h2>
      {lastGood && (
        <p className="note stale">Figures of the last valid design, until the YAML is fixed.</p>
      )}
      <table aria-label="Resources">
        <tbody>
          {[...rows, ...run].map(([label, value, formula]) => (
            <tr key={label} className={label.includes(': ') ? 'sub' : undefined}>
              <th scope="row">{breakable(label)}</th>
              <td
                title={compactFigure(value) ? `${value}${formula ? `\n${formula}` : ''}` : formula}
              >
                {expansion ? <Figure text={value} /> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {h && h.leftOut.length > 0 && (
        <p className="note">
          Left out of the makespan and costs: {h.leftOut.map((n) => `"${n}"`).join(', ')} (its
          figures are not valid).
        </p>
      )}
      {expansion && expansion.run.assumptions.length > 0 && (
        <ul className="notes" aria-label="What these figures assume">
          {expansion.run.assumptions.map((a) => (
            <li key={a} className="note">
              {a}
            </li>
          ))}
        </ul>
      )}
      {(t?.partial || u?.partial) && (
        <p className="note">
          Partial totals: some groups have figures that are not set or not valid; the sums cover the
          rest.
        </p>
      )}
      {u?.biggestWaste && u.reservedCost !== null && u.requestedCost !== null && (
        <p className="note waste" role="note">
          Reserved exceeds requested by {formatMoney(u.reservedCost - u.requestedCost)}: mostly
          group &quot;{u.biggestWaste.group}&quot;, because {u.biggestWaste.cause}.
        </p>
      )}
      <LintList items={waveLints} label="Wave lints" onFix={applyFix} />
      {u && expansion && <GroupBreakdown usage={u} expansion={expansion} />}
      <ClusterPanel />
      <KueuePanel />
      <PricesPanel />
    </aside>
  );
}

/** A figure's sum spelled out per group, for its tooltip. */
function tooltipSum(u: Usage, which: UsageFigure): string {
  // A tooltip spells out a dozen groups at most.
  return u.groups
    .slice(0, TOOLTIP_GROUPS)
    .map((g) => `${g.name}: ${explain(g, which)}`)
    .concat(
      u.groups.length > TOOLTIP_GROUPS
        ? [`… and ${u.groups.length - TOOLTIP_GROUPS} more groups (see Per group)`]
        : [],
    )
    .join('\n');
}

/** The design's size and its peak: jobs, pods, and what the pods ask for at once. */
function peakRows(
  e: Expansion | null,
  sumOf: (which: UsageFigure) => string,
): [string, string, string][] {
  const t = e?.totals;
  return [
    [
      jobsLabel(e?.run.operator ?? 'jobset'),
      formatNumber(t?.jobs),
      'The sum of count over all groups',
    ],
    ['Total pods', formatNumber(t?.pods), 'Sum over groups of count x completions'],
    [
      'Peak concurrent pods',
      formatNumber(t?.concurrentPods),
      'Sum over groups of count x min(parallelisms, completions)',
    ],
    ['Peak CPUs', formatNumber(t?.peak.cpus), sumOf('peakCpus')],
    ['Peak RAM (GB)', formatNumber(t?.peak.ramGB), sumOf('peakRamGB')],
    ['Peak GPUs', formatNumber(t?.peak.gpus), sumOf('peakGpus')],
    ...Object.entries(t?.peak.gpusByProduct ?? {}).map(([product, n]): [string, string, string] => [
      `Peak GPUs: ${product}`,
      formatNumber(n),
      '',
    ]),
  ];
}

/** The run's figures: of the run on the user's cluster when one is simulated, with the plan's beside. */
function runRows(
  h: Headline,
  u: Usage,
  sumOf: (which: UsageFigure) => string,
): [string, string, string][] {
  const cluster = h.run === 'cluster';
  const makespan: [string, string, string][] = cluster
    ? [
        [
          'Makespan on your cluster (h)',
          h.makespan === null ? NEVER_FINISHES : formatNumber(h.makespan),
          'The simulated run on the free capacity under Your cluster',
        ],
        ...(h.differs
          ? [
              [
                'Makespan, unlimited (h)',
                formatNumber(h.planned.makespan),
                'The longest group: waves x its pod duration',
              ] as [string, string, string],
            ]
          : []),
      ]
    : [['Makespan (h)', formatNumber(h.makespan), 'The longest group: waves x its pod duration']];
  const cost = (label: string, value: number | null, planned: number | null, formula: string) =>
    cluster && !sameMoney(value, planned)
      ? ([
          [
            `${label} on your cluster`,
            value === null ? NEVER_FINISHES : formatMoney(value),
            'The simulated run: what pods hold while up (waiting included), and the peak held for the whole run',
          ],
          [`${label}, unlimited`, formatMoney(planned), formula],
        ] as [string, string, string][])
      : ([[label, formatMoney(planned), formula]] as [string, string, string][]);
  return [
    ...makespan,
    ['Pod-hours', formatNumber(u.podHours), sumOf('podHours')],
    ['CPU-hours', formatNumber(u.cpuHours), sumOf('cpuHours')],
    ['GB-hours', formatNumber(u.gbHours), sumOf('gbHours')],
    ...Object.entries(u.gpuHoursByProduct).map(([p, hours]): [string, string, string] => [
      `GPU-hours: ${p}`,
      formatNumber(hours),
      sumOf('gpuHours'),
    ]),
    ...cost('Cost, requested', h.requestedCost, h.planned.requestedCost, sumOf('requestedCost')),
    ...cost('Cost, reserved', h.reservedCost, h.planned.reservedCost, sumOf('reservedCost')),
  ];
}

/**
 * A label whose variable in parentheses stays whole and quieter (`Jobs (GLOBAL_REPLICAS)`): a
 * narrow sidebar wraps before it, never inside it.
 */
function breakable(label: string) {
  const m = /^(.*?) (\([^)]+\))$/.exec(label);
  if (!m) return label;
  return (
    <>
      {m[1]} <span className="label-var">{m[2]}</span>
    </>
  );
}
