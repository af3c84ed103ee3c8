// The worker bridge's contract: one request in flight, the latest edit sent when it returns,
// stale results dropped, and the main thread taking over when the worker fails.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoreClient, DEADLINE_MS, type AnalysisResult } from './client.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

class FakeWorker {
  static last: FakeWorker | null = null;
  readonly posted: WorkerRequest[] = [];
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(msg: WorkerRequest) {
    this.posted.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers request `i` as the real worker would, with an empty analysis. */
  reply(i: number) {
    const req = this.posted[i]!;
    const analysis = {
      diagnostics: [],
      valid: true,
      operator: null,
      expansion: null,
      data: null,
      syntaxError: false,
      groupSpans: [],
      typeKeys: [],
      usage: null,
      simulation: null,
    };
    this.onmessage!({
      data: {
        type: 'result',
        requestId: req.requestId,
        version: req.version,
        analysis,
        computeMs: 0,
      },
    } as unknown as MessageEvent<WorkerResponse>);
  }
}

describe('createCoreClient', () => {
  let results: AnalysisResult[];
  let fallbacks: string[];
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    results = [];
    fallbacks = [];
  });
  afterEach(() => vi.unstubAllGlobals());

  const client = () =>
    createCoreClient(
      (r) => results.push(r),
      (reason) => fallbacks.push(reason),
    );

  it('keeps one request in flight and sends only the latest edit when it returns', () => {
    const c = client();
    const w = FakeWorker.last!;
    c.submit(1, 'a');
    c.submit(2, 'ab');
    c.submit(3, 'abc');
    expect(w.posted.map((m) => m.version)).toEqual([1]);
    w.reply(0);
    expect(w.posted.map((m) => [m.version, m.text])).toEqual([
      [1, 'a'],
      [3, 'abc'],
    ]);
    // Version 1 was superseded while in flight: its result is dropped.
    expect(results).toEqual([]);
    w.reply(1);
    expect(results.map((r) => r.version)).toEqual([3]);
  });

  it('asks again when only the settings change, and drops the answer for the old ones', () => {
    const c = client();
    const w = FakeWorker.last!;
    c.submit(1, 'a', {});
    c.submit(1, 'a', { durations: { x: 2 } });
    w.reply(0);
    expect(results).toEqual([]);
    expect(w.posted[1]!.settings).toEqual({ durations: { x: 2 } });
    w.reply(1);
    expect(results.map((r) => r.version)).toEqual([1]);
  });

  it('runs the core on the main thread when the worker fails, and says why', async () => {
    const c = client();
    const w = FakeWorker.last!;
    c.submit(1, 'kind: AIchorManifest\n');
    w.onerror!({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toContain('boom');
    expect(w.terminated).toBe(true);
    await vi.waitFor(() => expect(results.map((r) => r.version)).toEqual([1]));
    expect(results[0]!.analysis.diagnostics.length).toBeGreaterThan(0);
    c.submit(2, 'kind: AIchorManifest\napiVersion: "0.2.3"\n');
    await vi.waitFor(() => expect(results.map((r) => r.version)).toEqual([1, 2]));
  });
});

describe('the deadline', () => {
  let results: AnalysisResult[];
  let stopped: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    results = [];
    stopped = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stops a check past the deadline, says so, and checks the next edit in a new worker', () => {
    const c = createCoreClient(
      (r) => results.push(r),
      () => {},
      (m) => stopped.push(m),
    );
    const first = FakeWorker.last!;
    c.submit(1, 'count: 1:1:1:...');
    c.submit(2, 'count: 2'); // queued behind the hung one
    vi.advanceTimersByTime(DEADLINE_MS - 1);
    expect(results).toEqual([]);
    expect(first.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(first.terminated).toBe(true);
    expect(stopped).toEqual([expect.stringContaining('took more than 5 seconds and was stopped')]);
    // The hung check was superseded: nothing is shown for it; the next edit went to a new worker.
    const second = FakeWorker.last!;
    expect(second).not.toBe(first);
    expect(second.posted.map((p) => p.version)).toEqual([2]);
    second.reply(0);
    expect(results.map((r) => r.version)).toEqual([2]);
  });

  it('reports the stopped check when it was the latest edit', () => {
    const c = createCoreClient(
      (r) => results.push(r),
      () => {},
      (m) => stopped.push(m),
    );
    c.submit(7, 'count: 1:1:1:...');
    vi.advanceTimersByTime(DEADLINE_MS);
    expect(results.map((r) => [r.version, r.analysis.diagnostics[0]!.code])).toEqual([
      [7, 'check-stopped'],
    ]);
    c.dispose();
  });
});
