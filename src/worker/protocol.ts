/**
 * The messages between the app and the core worker: one file, discriminated unions. Every
 * request and result carries the document version it was computed from, so the app can drop
 * results for text that has since changed.
 */
import type { Analysis, DesignSettings, JobSetExport } from '../core/index.ts';

export type WorkerRequest = {
  readonly type: 'analyze';
  readonly requestId: number;
  /** The document version of `text`. */
  readonly version: number;
  readonly text: string;
  /** Durations, capacity, prices: they change the figures but are not part of the text. */
  readonly settings: DesignSettings;
  /** Also export the design as a Kubernetes JobSet (while the Kubernetes view shows). */
  readonly exportJobSet: boolean;
};

export type WorkerResponse =
  | {
      readonly type: 'result';
      readonly requestId: number;
      readonly version: number;
      readonly analysis: Analysis;
      /** The JobSet, when asked for. */
      readonly jobset: JobSetExport | null;
      readonly computeMs: number;
    }
  | {
      readonly type: 'error';
      readonly requestId: number;
      readonly version: number;
      readonly message: string;
    };
