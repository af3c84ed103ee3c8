/** Reading Kubernetes objects given as plain data: a field of the wrong type reads as empty. */
import { isObject } from '../own.ts';

export type Obj = Readonly<Record<string, unknown>>;

export const obj = (v: unknown): Obj => (isObject(v) ? v : {});
export const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
export { isObject };
