/** The problems of the design, each a way to its place in the YAML or the form, and its fix. */
import { useMemo, useState } from 'react';
import {
  bySeverity,
  countBySeverity,
  type Diagnostic,
  type Severity,
} from '../../core/diagnostics.ts';
import { applyFix } from '../../state/fixes.ts';
import { LintList, type Locate } from '../../ui/LintList.tsx';
import { useDesigner } from '../../state/store.ts';
import {
  selectAnalysisVersion,
  selectClusterFindings,
  selectDiagnostics,
  selectSweepFindings,
  selectView,
} from '../../state/selectors.ts';

/**
 * True when the form has a field for this path (its element carries `data-path`), or the path is
 * inside a group the form shows (closed groups open when revealed).
 */
function formHas(path: Diagnostic['path'], groups: ReadonlySet<string>): boolean {
  if (document.querySelector(`[data-path="${CSS.escape(path.join('.'))}"]`)) return true;
  if (path.length <= 2 || path[0] !== 'spec' || path[1] !== 'types') return false;
  const name = String(path[2]);
  if (document.querySelector(`[data-group="${CSS.escape(name)}"]`)) return true;
  // A group on another page of the form's groups: revealing it turns to its page.
  return groups.has(name) && !!document.querySelector('[data-paged-groups]');
}

const FILTERS: readonly { readonly id: Severity | 'all'; readonly label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'error', label: 'Errors' },
  { id: 'warning', label: 'Warnings' },
  { id: 'info', label: 'Info' },
];

export function ProblemsList({ onNavigate }: { onNavigate?: () => void }) {
  const diagnostics = useDesigner(selectDiagnostics);
  const [shown, setShown] = useState<Severity | 'all'>('all');
  const cluster = useDesigner(selectClusterFindings);
  const sweeps = useDesigner(selectSweepFindings);
  if (!diagnostics) return <p className="muted">Checking…</p>;
  const counts = countBySeverity(diagnostics);
  // Errors first, then warnings, then info; by line within each.
  const items = diagnostics.filter((d) => shown === 'all' || d.severity === shown).sort(bySeverity);
  return (
    <>
      {diagnostics.length === 0 ? (
        <p className="muted">No problems found in the manifest.</p>
      ) : (
        <>
          <div className="problem-filter" role="group" aria-label="Show problems">
            {FILTERS.map((f) => (
              <button
                key={f.id}
                type="button"
                aria-pressed={shown === f.id}
                onClick={() => setShown(f.id)}
              >
                {f.label} ({f.id === 'all' ? diagnostics.length : counts[f.id]})
              </button>
            ))}
          </div>
          <Items items={items} label="Problems" onNavigate={onNavigate} />
        </>
      )}
      {cluster.length > 0 && (
        <section className="findings" aria-labelledby="findings-title">
          <h3 id="findings-title">On your cluster</h3>
          <p className="note">
            What the simulated run on the capacity under Your cluster shows. These are what-ifs:
            they do not make the manifest invalid.
          </p>
          <Items items={cluster} label="Cluster findings" onNavigate={onNavigate} />
        </section>
      )}
      {sweeps.length > 0 && (
        <section className="findings" aria-labelledby="sweep-findings-title">
          <h3 id="sweep-findings-title">Your sweeps</h3>
          <p className="note">
            Sweeps are design settings (Program view): they do not make the manifest invalid.
          </p>
          <Items items={sweeps} label="Sweep findings" onNavigate={onNavigate} />
        </section>
      )}
    </>
  );
}

/** The diagnostics as lines that go to their place in the YAML or the form, with their fixes. */
function Items({
  items,
  label,
  onNavigate,
}: {
  items: readonly Diagnostic[];
  label: string;
  onNavigate: (() => void) | undefined;
}) {
  const version = useDesigner(selectAnalysisVersion);
  const revealAt = useDesigner((s) => s.revealAt);
  const mode = useDesigner((s) => s.editorMode);
  const view = useDesigner(selectView);
  const groups = useMemo(() => new Set(view?.groups.map((g) => g.name)), [view]);
  const inForm = (path: Diagnostic['path']) => formHas(path, groups);
  const locate: Locate = {
    inForm,
    preferred: (path) => (mode === 'form' && inForm(path) ? 'form' : 'yaml'),
    go: (d, target) => {
      revealAt({ target, start: d.start, end: d.end, path: d.path });
      onNavigate?.();
    },
  };
  return (
    <LintList
      items={items}
      label={label}
      onFix={(fix) => void applyFix(fix, version)}
      locate={locate}
    />
  );
}
