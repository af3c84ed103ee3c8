#!/usr/bin/env node
// Entry point of the `jobset-designer` command. The CLI and the core are TypeScript; tsx (a
// runtime dependency) compiles them on the fly, so the command works right after `npm install`
// with no build step, both in this checkout and in a project that installs this one.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
