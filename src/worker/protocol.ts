import { VcError, type ErrorCode } from '../errors.js';
import type { ImportOptions, ImportReport } from '../register/import.js';
import type { SheetSource } from '../register/sheets/read.js';
import type { StoreTarget } from '../store/target.js';
import type { BulkLoadOptions, BulkLoadResult } from './bulk-load.js';

// Messages between the main thread (client.ts) and a worker thread (thread.ts). Each job has an
// id; its answer, its progress and its failure come back under that id.

/**
 * A register to import: its text, the token of a document the worker holds from the body, or a
 * workbook or CSV directory (read in the worker: a large workbook takes long to read).
 */
export type WorkerInput = ({ text: string } | { held: string } | { sheets: SheetSource }) & {
  file?: string;
};

/** importRegisters' options as they cross to the worker: all of them but the progress callback. */
export type WorkerImportOptions = Omit<ImportOptions, 'onProgress'> & { progress: boolean };

export type ParsedBody =
  | { ok: true; body: unknown; held: string[] }
  | { ok: false; problem: 'empty' | 'invalid' }
  | { ok: false; problem: 'not-utf8'; at: { line: number; byte: number } };

/** Whole-graph answers (findings over the whole register, concentration), asked of one store. */
export type WholeGraphAsk =
  | {
      kind: 'findings';
      /** A controller's chain; absent: the whole register. */
      controller?: string;
      /**
       * Without explanations and missing approvals (empty): at a hub, the list of every root
       * controller that did not approve makes a finding tens of kilobytes to copy and keep.
       */
      lean?: boolean;
      asOf?: string;
      first?: number | null;
      after?: string | null;
      max: number;
    }
  | { kind: 'concentration'; asOf?: string; first: number }
  | { kind: 'concentrationOf'; asOf?: string; parties: string[] }
  | { kind: 'findingCounts'; asOf?: string };

/** An import's report, with the worker's bookmarks for the thread that handed it the work. */
export interface ImportAnswer {
  report: ImportReport;
  bookmarks: string[];
}

/** Each job a worker runs, and what it answers. */
export interface Jobs {
  /** The request body sent so far in chunks, parsed; its large strings stay in the worker. */
  'parse-body': { job: { holdFrom: number; holdIf: string }; answer: ParsedBody };
  /** importRegisters on the store at `target` (null: a check with no store). */
  import: {
    job: { target: StoreTarget | null; inputs: WorkerInput[]; options: WorkerImportOptions };
    answer: ImportAnswer;
  };
  /** prepareBulkLoad (neo4j-csv). */
  'bulk-load': { job: { inputs: WorkerInput[]; options: BulkLoadOptions }; answer: BulkLoadResult };
  'whole-graph': { job: { target: StoreTarget; ask: WholeGraphAsk }; answer: unknown };
}

export type JobType = keyof Jobs;
export type Job<K extends JobType = JobType> = { [T in K]: { type: T } & Jobs[T]['job'] }[K];

export type ToThread =
  | { id: number; job: Job }
  | { type: 'chunk'; bytes: Uint8Array }
  /** Close the store the thread opened, and end. */
  | { type: 'close' };

export type FromThread =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'answer'; value: unknown }
  | { id: number; type: 'failed'; error: SentError };

export type SentError =
  | { vc: true; code: ErrorCode; message: string; details: Record<string, unknown> }
  | { vc: false; message: string };

/** Errors cross the thread boundary as data; VcErrors come back with their code, message and details. */
export function sendError(error: unknown): SentError {
  if (error instanceof VcError)
    return { vc: true, code: error.code, message: error.message, details: error.details };
  return { vc: false, message: error instanceof Error ? error.message : String(error) };
}

export function receiveError(sent: SentError): Error {
  if (!sent.vc) return new Error(sent.message);
  return new VcError(sent.code, sent.message, sent.details);
}
