/**
 * The floor `npm run bench:ui` measures the designer against: a plain textarea whose every input
 * goes to the same core worker, and one figure written back. No editor, no React, no canvas:
 * what a keystroke costs on this machine before any of the designer's own work.
 */
import type { WorkerRequest, WorkerResponse } from '../worker/protocol.ts';
import { formatNumber } from '../ui/format.ts';
import platformMain from '../templates/manifests/platform-main.yaml?raw';

const text = document.getElementById('text') as HTMLTextAreaElement;
const pods = document.getElementById('pods')!;
const worker = new Worker(new URL('../worker/core.worker.ts', import.meta.url), {
  type: 'module',
});
let version = 0;
worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
  if (e.data.type !== 'result' || e.data.version !== version) return; // stale
  pods.textContent = formatNumber(e.data.analysis.expansion?.totals.pods);
};
const send = () => {
  version++;
  const request: WorkerRequest = {
    type: 'analyze',
    requestId: version,
    version,
    text: text.value,
    settings: {},
    exportJobSet: false,
  };
  worker.postMessage(request);
};
text.addEventListener('input', send);
(window as unknown as { load: (t: string) => void }).load = (t: string) => {
  text.value = t;
  send();
};
// `?default`: the designer's default design at once, for the first-figure floor.
if (new URLSearchParams(location.search).has('default')) {
  text.value = platformMain;
  send();
}
