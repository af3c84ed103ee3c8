/**
 * The bridge to the core worker. Single-flight with a trailing edge: at most one request is in
 * flight; edits made meanwhile coalesce into one request for the latest text, sent when the
 * current one returns. Results for superseded versions are dropped.
 *
 * If the worker cannot start or fails, the core runs on the main thread instead (loaded on
 * demand) and `onFallback` tells the app, which shows a notice.
 */
import type { Analysis } from '../core/index.ts';
import { assertNever, type WorkerRequest, type WorkerResponse } from './protocol.ts';

export interface AnalysisResult {
  readonly version: number;
  readonly analysis: Analysis;
  readonly computeMs: number;
}

export interface CoreClient {
  /** Asks for the analysis of `text` at `version`; only the latest version is answered. */
  submit(version: number, text: string): void;
  dispose(): void;
}

export function createCoreClient(
  onResult: (result: AnalysisResult) => void,
  onFallback: (reason: string) => void,
): CoreClient {
  type Job = { readonly version: number; readonly text: string };
  let worker: Worker | null = null;
  let inFlight: Job | null = null;
  let queued: Job | null = null;
  let latest = -1;
  let nextId = 1;
  let fallback = false;

  const runOnMainThread = async ({ version, text }: Job) => {
    const { analyze } = await import('../core/index.ts');
    const t0 = performance.now();
    const analysis = analyze(text);
    if (version === latest) onResult({ version, analysis, computeMs: performance.now() - t0 });
  };

  const fail = (reason: string) => {
    if (fallback) return;
    fallback = true;
    worker?.terminate();
    worker = null;
    onFallback(reason);
    const last = queued ?? inFlight;
    inFlight = queued = null;
    if (last) void runOnMainThread(last);
  };

  const send = (job: Job) => {
    if (!worker) return;
    inFlight = job;
    const msg: WorkerRequest = { type: 'analyze', requestId: nextId++, ...job };
    worker.postMessage(msg);
  };

  try {
    worker = new Worker(new URL('./core.worker.ts', import.meta.url), {
      type: 'module',
      name: 'core',
    });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      switch (msg.type) {
        case 'result':
          if (msg.version === latest) {
            onResult({ version: msg.version, analysis: msg.analysis, computeMs: msg.computeMs });
          }
          break;
        case 'error':
          fail(`the worker failed: ${msg.message}`);
          return;
        default:
          assertNever(msg);
      }
      inFlight = null;
      const next = queued;
      queued = null;
      if (next) send(next);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fail(`the worker failed to start or crashed (${e.message || 'no details'})`);
    };
    worker.onmessageerror = () => fail('a worker message could not be read');
  } catch (err) {
    queueMicrotask(() => fail(`workers are unavailable (${String(err)})`));
  }

  return {
    submit(version, text) {
      latest = version;
      const job = { version, text };
      if (fallback) void runOnMainThread(job);
      else if (!worker || inFlight) queued = job;
      else send(job);
    },
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}
