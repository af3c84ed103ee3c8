/** The JSON shapes the CLI prints; documented in the README and relied on by users' scripts. */
import type { Analysis, Diagnostic, GroupFigures, Pod } from '../core/index.ts';

export function diagnosticJson(d: Diagnostic) {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    path: d.path,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  };
}

function groupJson(g: GroupFigures) {
  return {
    name: g.name,
    count: g.count,
    completions: g.completions,
    parallelisms: g.parallelisms,
    effectiveParallelism: g.effectiveParallelism,
    pods: g.pods,
    concurrentPods: g.concurrentPods,
    waves: g.waves,
    state: g.state,
    globalIndexStart: g.globalIndexStart,
    pod: g.pod,
    peak: g.peak,
  };
}

export function expandJson(a: Analysis) {
  const e = a.expansion;
  const plan = a.schedule?.plan ?? null;
  return {
    valid: a.valid,
    operator: a.operator,
    diagnostics: a.diagnostics.map(diagnosticJson),
    // What a link's settings show (the cluster, the sweeps): never part of `valid`.
    findings: a.findings.map(diagnosticJson),
    types: e ? e.groups.map(groupJson) : [],
    totals: e
      ? {
          jobs: e.totals.jobs,
          pods: e.totals.pods,
          concurrentPods: e.totals.concurrentPods,
          globalReplicas: e.totals.globalReplicas,
          peak: e.totals.peak,
          partial: e.totals.partial,
        }
      : null,
    // The planned run: pod durations of 1 hour, or those of a design link's settings; and,
    // when the link sets the cluster's free capacity, the run simulated on it.
    schedule: plan
      ? {
          makespan: plan.makespan,
          leftOut: plan.leftOut,
          groups: plan.groups.map((g) => ({
            name: g.name,
            duration: g.duration,
            runHours: g.runHours,
          })),
          simulated: a.schedule?.simulated ? { makespan: a.schedule.simulated.makespan } : null,
        }
      : null,
  };
}

export function podJson(p: Pod) {
  return {
    name: p.name,
    type: p.type,
    jobIndex: p.jobIndex,
    podIndex: p.podIndex,
    wave: p.wave,
    start: p.start,
    end: p.end,
    env: p.env,
  };
}
