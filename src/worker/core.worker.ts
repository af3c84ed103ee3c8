/// <reference lib="webworker" />
// The core, off the main thread: one request in, one result out. `analyze` turns a failure of
// its own into a diagnostic; a result that cannot be sent back is reported as an error.
import { analyzer, exportJobSet, queueMetadata } from '../core/index.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

// Successive texts are mostly one edit apart: only the group an edit touches is read again.
const analyze = analyzer();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { requestId, version, text, settings } = event.data;
  const t0 = performance.now();
  const analysis = analyze(text, settings);
  const reply: WorkerResponse = {
    type: 'result',
    requestId,
    version,
    analysis,
    jobset: event.data.exportJobSet
      ? exportJobSet(analysis, settings.jobsetName, queueMetadata(analysis.kueue, settings.kueue))
      : null,
    computeMs: performance.now() - t0,
  };
  try {
    self.postMessage(reply);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    self.postMessage({ type: 'error', requestId, version, message } satisfies WorkerResponse);
  }
};
