/** Types of budget.mjs, for the benchmark that prints the same figure. */
export declare const FIRST_LOAD_BUDGET_KIB: number;
export declare function firstLoad(dist: string): { scripts: string[]; kib: number };
