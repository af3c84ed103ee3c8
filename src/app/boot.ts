/** Wires the store to the core worker: every new text or settings change is submitted for analysis. */
import { useDesigner } from '../state/store.ts';
import { createCoreClient } from '../worker/client.ts';
import { analysisSettings } from '../core/settings.ts';
import { designSettings, sameAnalysisSettings } from '../state/slices/design.ts';
import type { OtherDesign } from '../state/slices/compare.ts';

export function boot(): () => void {
  const { setAnalysis, fallBackToMainThread, notify } = useDesigner.getState();
  const client = createCoreClient(setAnalysis, fallBackToMainThread, (message) =>
    notify(message, 'error'),
  );
  // The JobSet is computed only while the Kubernetes view shows it.
  const wantsJobSet = (s: { editorMode: string }) => s.editorMode === 'kubernetes';
  const unsubscribe = useDesigner.subscribe((s, prev) => {
    if (
      s.version !== prev.version ||
      (s.settingsVersion !== prev.settingsVersion && !sameAnalysisSettings(s, prev)) ||
      wantsJobSet(s) !== wantsJobSet(prev)
    ) {
      // The figures never read a rehearsal: it stays on this side (it may hold 256 pods' logs).
      client.submit(s.version, s.text, analysisSettings(designSettings(s)), wantsJobSet(s));
    }
  });
  // The other design of a comparison is analysed by a worker of its own, started on first use.
  let other: ReturnType<typeof createCoreClient> | null = null;
  let otherSeq = 0;
  const pending = new Map<number, OtherDesign>();
  const unsubscribeCompare = useDesigner.subscribe((s, prev) => {
    const c = s.comparison;
    if (!c || c.other === prev.comparison?.other) return;
    const of = c.other;
    other ??= createCoreClient(
      (r) => {
        const of = pending.get(r.version);
        if (of) useDesigner.getState().setOtherAnalysis(of, r.analysis);
      },
      () => {},
    );
    const version = ++otherSeq;
    pending.clear();
    pending.set(version, of);
    other.submit(version, of.text, analysisSettings(of.settings));
  });
  return () => {
    unsubscribe();
    unsubscribeCompare();
    client.dispose();
    other?.dispose();
  };
}
