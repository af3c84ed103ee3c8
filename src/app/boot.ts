/** Wires the store to the core worker: every new document version is submitted for analysis. */
import { useDesigner } from '../state/store.ts';
import { createCoreClient } from '../worker/client.ts';

export function boot(initialText: string): () => void {
  const { setAnalysis, fallBackToMainThread } = useDesigner.getState();
  const client = createCoreClient(setAnalysis, fallBackToMainThread);
  const unsubscribe = useDesigner.subscribe((s, prev) => {
    if (s.version !== prev.version) client.submit(s.version, s.text);
  });
  useDesigner.getState().load(initialText);
  return () => {
    unsubscribe();
    client.dispose();
  };
}
