/** Types of build-cli.mjs, for the tests that build the command. */
export declare const CLI_FILE: string;
/** Builds the CLI into `outDir` (default build/cli) and returns the path of the command. */
export declare function buildCli(outDir?: string): Promise<string>;
