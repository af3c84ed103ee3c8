// Runs the app's own core worker (src/worker/core.worker.ts) in a Node worker thread: `self`
// is the thread's port, so requests and answers cross a thread boundary by structured cloning,
// as they do in the browser. A library warning is sent to the fuzzer as a finding, not printed.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// TypeScript first, then `?raw` imports (the core embeds its Python so, as Vite reads it): the
// hooks registered last run first.
register();
await import('../rawImports.mjs');

const warn = (...args) =>
  parentPort.postMessage({ type: 'warn', text: args.map(String).join(' ') });
console.warn = warn;
process.emitWarning = (w) => warn(w instanceof Error ? w.message : w);
globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
parentPort.on('message', (data) => globalThis.onmessage?.({ data }));
await import('../../worker/core.worker.ts');
parentPort.postMessage({ type: 'ready' });
