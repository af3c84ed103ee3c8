// Lets Node (the scripts run by tsx: benchmarks, screenshots, the fuzzer) read `?raw` imports
// as Vite does, a file's text as its default export: `tsx --import ./src/tools/rawImports.mjs`.
import { register } from 'node:module';

register('./rawHooks.mjs', import.meta.url);
