/** Types of deps.mjs, for the tests that need the Python tools it installs. */
export declare const ROOT: string;
export declare function run(cmd: string, args: string[], env?: Record<string, string>): number;
export declare function ensureDependencies(): void;
export declare const PYTHON_TOOLS: string;
export declare const PYFLAKES_VERSION: string;
export declare function ensurePythonTools(): boolean;
