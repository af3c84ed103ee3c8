import type { Rule } from 'eslint';

export interface Zone {
  readonly may: readonly string[];
  readonly packages: '*' | readonly string[];
  readonly node?: boolean;
  readonly files?: readonly string[];
}
export const ZONES: Readonly<Record<string, Zone>>;
export function violation(file: string, spec: string, root: string): string | null;
export const boundaries: Rule.RuleModule;
declare const plugin: { rules: { boundaries: Rule.RuleModule } };
export default plugin;
