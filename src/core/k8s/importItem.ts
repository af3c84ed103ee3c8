/**
 * What the import reports, item by item, and how its readers take the JobSet's plain data: every
 * part of the import (the JobSet, its replicatedJobs, pods, containers and resources) writes its
 * findings as these items, each with the path of what it is about.
 */
import { isObject } from '../own.ts';

export interface ImportItem {
  /** `warning`: something of the JobSet is lost or runs differently; `info`: how it was read. */
  readonly severity: 'warning' | 'info';
  /** Where in the JobSet, `spec.replicatedJobs[1].template.spec.template.spec.initContainers`. */
  readonly path: string;
  /** The same place as a person names it: `group "trainer" › pod › initContainers`. */
  readonly place: string;
  readonly message: string;
}

/** A mapping of the JobSet, as the YAML reader gives it. */
export type Json = Record<string, unknown>;

/** The mapping, or an empty one for anything else: a reader never stops at a wrong shape. */
export const obj = (v: unknown): Json => (isObject(v) ? v : {});

// The place is filled in once the whole JobSet is read (`placeOf`).
/** Something of the JobSet that is lost or runs differently on the platform. */
export const warn = (path: string, message: string): ImportItem => ({
  severity: 'warning',
  path,
  place: path,
  message,
});
/** How something of the JobSet was read. */
export const info = (path: string, message: string): ImportItem => ({
  severity: 'info',
  path,
  place: path,
  message,
});
