/// <reference lib="webworker" />
// The core, off the main thread: one request in, one result out.
import { analyze } from '../core/index.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { requestId, version, text, settings } = event.data;
  const t0 = performance.now();
  let reply: WorkerResponse;
  try {
    reply = {
      type: 'result',
      requestId,
      version,
      analysis: analyze(text, settings),
      computeMs: performance.now() - t0,
    };
  } catch (err) {
    reply = {
      type: 'error',
      requestId,
      version,
      message: err instanceof Error ? err.message : String(err),
    };
  }
  self.postMessage(reply);
};
