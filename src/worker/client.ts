/**
 * The bridge to the core worker. Single-flight with a trailing edge: at most one request is in
 * flight; changes made meanwhile (to the text or the settings) coalesce into one request for the
 * latest, sent when the current one returns. Results for superseded requests are dropped.
 *
 * If the worker cannot start or crashes, the core runs on the main thread instead (loaded on
 * demand) and `onFallback` tells the app, which shows a notice. A check still running after
 * DEADLINE_MS is stopped: the worker is replaced, the text reported (`check-stopped`) and
 * `onStopped` tells the app; the next edit is checked by the new worker. A failure inside the core is not
 * a reason to run it again: it comes back as an `internal-error` diagnostic, the text untouched.
 */
import { checkStopped, internalError } from '../core/internal.ts';
import type { Analysis, DesignSettings, JobSetExport } from '../core/index.ts';
import { assertNever } from '../core/never.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

export interface AnalysisResult {
  /** The document version the analysis is of. */
  readonly version: number;
  readonly analysis: Analysis;
  /** The design as a Kubernetes JobSet, when it was asked for. */
  readonly jobset: JobSetExport | null;
  readonly computeMs: number;
}

export interface CoreClient {
  /**
   * Asks for the analysis of `text` (document `version`) with `settings`, and the JobSet export
   * when `exportJobSet`; only the latest is answered.
   */
  submit(version: number, text: string, settings?: DesignSettings, exportJobSet?: boolean): void;
  dispose(): void;
}

/** A check that takes longer is stopped: the worker is replaced and the text reported. */
export const DEADLINE_MS = 5000;

export function createCoreClient(
  onResult: (result: AnalysisResult) => void,
  onFallback: (reason: string) => void,
  onStopped: (message: string) => void = () => {},
): CoreClient {
  let worker: Worker | null = null;
  let inFlight: Job | null = null;
  let queued: Job | null = null;
  let latest = -1;
  let fallback = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;

  const runOnMainThread = async (job: Job) => {
    const result = await analyseOnMainThread(job);
    if (job.seq === latest) onResult(result);
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
    clearTimeout(deadline);
    deadline = setTimeout(() => overdue(job), DEADLINE_MS);
    worker.postMessage(requestOf(job));
  };

  const start = () => {
    worker = spawnWorker(onMessage, fail);
  };

  const next = () => {
    inFlight = null;
    const job = queued;
    queued = null;
    if (job) send(job);
  };

  const onMessage = (event: MessageEvent<WorkerResponse>) => {
    clearTimeout(deadline);
    const msg = event.data;
    // An error counts only for the request still in flight (not one the deadline stopped).
    if (msg.requestId === latest && (msg.type === 'result' || inFlight)) onResult(resultOf(msg));
    next();
  };

  /** The worker is still on `job` past the deadline: a new worker takes the next request. */
  const overdue = (job: Job) => {
    if (inFlight !== job || !worker) return;
    worker.terminate();
    start();
    const seconds = DEADLINE_MS / 1000;
    if (job.seq === latest) {
      onResult({
        version: job.version,
        analysis: checkStopped(seconds),
        jobset: null,
        computeMs: DEADLINE_MS,
      });
    }
    onStopped(stoppedMessage(seconds));
    next();
  };

  start();

  return {
    submit(version, text, settings = {}, exportJobSet = false) {
      const job = { seq: ++latest, version, text, settings, exportJobSet };
      if (fallback) void runOnMainThread(job);
      else if (!worker || inFlight) queued = job;
      else send(job);
    },
    dispose() {
      clearTimeout(deadline);
      worker?.terminate();
      worker = null;
    },
  };
}

/** One request for an analysis: its order among the requests, and what to analyse. */
interface Job {
  readonly seq: number;
  readonly version: number;
  readonly text: string;
  readonly settings: DesignSettings;
  readonly exportJobSet: boolean;
}

function requestOf(job: Job): WorkerRequest {
  return {
    type: 'analyze',
    requestId: job.seq,
    version: job.version,
    text: job.text,
    settings: job.settings,
    exportJobSet: job.exportJobSet,
  };
}

/** What the worker answered, as the app takes it: an error in the core is an internal error. */
function resultOf(msg: WorkerResponse): AnalysisResult {
  switch (msg.type) {
    case 'result':
      return {
        version: msg.version,
        analysis: msg.analysis,
        jobset: msg.jobset,
        computeMs: msg.computeMs,
      };
    case 'error':
      return {
        version: msg.version,
        analysis: internalError(msg.message),
        jobset: null,
        computeMs: 0,
      };
    default:
      return assertNever(msg, 'message');
  }
}

/** Without a worker: the core, loaded on first use, on the page's own thread. */
async function analyseOnMainThread({
  version,
  text,
  settings,
  exportJobSet,
}: Job): Promise<AnalysisResult> {
  const [{ analyze }, k8s, kueue] = await Promise.all([
    import('../core/analyze.ts'),
    exportJobSet ? import('../core/k8s/export.ts') : null,
    import('../core/kueue/verdict.ts'),
  ]);
  const t0 = performance.now();
  const analysis = analyze(text, settings);
  const jobset = k8s
    ? k8s.exportJobSet(
        analysis,
        settings.jobsetName,
        kueue.queueMetadata(analysis.kueue, settings.kueue),
      )
    : null;
  return { version, analysis, jobset, computeMs: performance.now() - t0 };
}

/** The core's worker, answering to `onMessage`; `fail` hears why there is none. */
function spawnWorker(
  onMessage: (event: MessageEvent<WorkerResponse>) => void,
  fail: (reason: string) => void,
): Worker | null {
  try {
    const worker = new Worker(new URL('./core.worker.ts', import.meta.url), {
      type: 'module',
      name: 'core',
    });
    worker.onmessage = onMessage;
    worker.onerror = (e) => {
      e.preventDefault();
      fail(`the worker failed to start or crashed (${e.message || 'no details'})`);
    };
    worker.onmessageerror = () => fail('a worker message could not be read');
    return worker;
  } catch (err) {
    queueMicrotask(() => fail(`workers are unavailable (${String(err)})`));
    return null;
  }
}

const stoppedMessage = (seconds: number) =>
  `Checking the design took more than ${seconds} seconds and was stopped; the designer goes on with your next edit.`;
