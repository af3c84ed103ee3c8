// The `jobset-designer` command: what `bin` runs once src/tools/build-cli.mjs has compiled it
// (with the core and its one library) to build/cli/jobset-designer.mjs.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
