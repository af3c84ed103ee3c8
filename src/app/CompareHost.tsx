/**
 * Where the comparison opens: its dialog (loaded when first needed), given the code editor's diff
 * view for the YAML.
 */
import { lazy, Suspense } from 'react';
import type { DiffProps } from '../features/compare/CompareDialog.tsx';
import { useDesigner } from '../state/store.ts';

const CompareDialog = lazy(() => import('../features/compare/CompareDialog.tsx'));
const DiffYaml = lazy(() => import('../features/editor/DiffYaml.tsx'));

const renderDiff = ({ a, b, tints }: DiffProps) => (
  <Suspense fallback={<p className="muted">Loading the YAML diff…</p>}>
    <DiffYaml
      original={a.text}
      modified={b.text}
      originalTints={tints.a}
      modifiedTints={tints.b}
      label={`YAML of A (${a.label}) and B (${b.label})`}
    />
  </Suspense>
);

export function CompareHost() {
  const open = useDesigner((s) => s.compareOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <CompareDialog renderDiff={renderDiff} />
    </Suspense>
  );
}
