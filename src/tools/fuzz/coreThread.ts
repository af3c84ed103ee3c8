/**
 * The app's worker in a Node worker thread (answers crossing a thread boundary, as in the
 * browser), for the fuzz loop to ask one request at a time.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from '../../worker/protocol.ts';

const HOST = new URL('./workerHost.mjs', import.meta.url);

/** The app's worker in a thread, one request at a time, restartable after a hang. */
export class CoreThread {
  private worker!: Worker;
  private ready!: Promise<void>;
  private pending: ((r: WorkerResponse) => void) | null = null;
  readonly warnings: string[] = [];

  constructor() {
    this.start();
  }

  private start() {
    this.worker = new Worker(HOST);
    this.ready = new Promise((resolve) => {
      this.worker.on(
        'message',
        (m: WorkerResponse | { type: 'ready' } | { type: 'warn'; text: string }) => {
          if (m.type === 'ready') resolve();
          else if (m.type === 'warn') this.warnings.push(m.text);
          else {
            const done = this.pending;
            this.pending = null;
            done?.(m);
          }
        },
      );
    });
  }

  async analyze(text: string, requestId: number, hangMs: number): Promise<WorkerResponse | 'hang'> {
    await this.ready;
    const answer = new Promise<WorkerResponse>((resolve) => (this.pending = resolve));
    const request: WorkerRequest = {
      type: 'analyze',
      requestId,
      version: requestId,
      text,
      settings: {},
      exportJobSet: false,
    };
    this.worker.postMessage(request);
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>(
      (resolve) => (timer = setTimeout(() => resolve('hang'), hangMs)),
    );
    const result = await Promise.race([answer, hang]);
    clearTimeout(timer);
    if (result === 'hang') {
      this.pending = null;
      await this.worker.terminate();
      this.start();
    }
    return result;
  }

  stop() {
    return this.worker.terminate();
  }
}
