/** Wires the store to the core worker: every new text or settings change is submitted for analysis. */
import { useDesigner } from '../state/store.ts';
import { createCoreClient } from '../worker/client.ts';
import { designSettings } from '../state/slices/design.ts';

export function boot(): () => void {
  const { setAnalysis, fallBackToMainThread } = useDesigner.getState();
  const client = createCoreClient(setAnalysis, fallBackToMainThread);
  // The JobSet is computed only while the Kubernetes view shows it.
  const wantsJobSet = (s: { editorMode: string }) => s.editorMode === 'kubernetes';
  const unsubscribe = useDesigner.subscribe((s, prev) => {
    if (
      s.version !== prev.version ||
      s.settingsVersion !== prev.settingsVersion ||
      wantsJobSet(s) !== wantsJobSet(prev)
    ) {
      client.submit(s.version, s.text, designSettings(s), wantsJobSet(s));
    }
  });
  return () => {
    unsubscribe();
    client.dispose();
  };
}
