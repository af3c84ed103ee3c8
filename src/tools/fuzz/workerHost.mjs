// Runs the app's own core worker (src/worker/core.worker.ts) in a Node worker thread: `self`
// is the thread's port, so requests and answers cross a thread boundary by structured cloning,
// as they do in the browser. A library warning is sent to the fuzzer as a finding, not printed.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const warn = (...args) =>
  parentPort.postMessage({ type: 'warn', text: args.map(String).join(' ') });
console.warn = warn;
process.emitWarning = (w) => warn(w instanceof Error ? w.message : w);
globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
parentPort.on('message', (data) => globalThis.onmessage?.({ data }));
await tsImport('../../worker/core.worker.ts', import.meta.url);
parentPort.postMessage({ type: 'ready' });
