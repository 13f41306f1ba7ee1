import { ERROR_CODES, VcError, type ErrorCode } from '../../errors.js';
import type { StoreTarget } from '../../store/target.js';
import type { BulkLoadOptions, BulkLoadResult } from '../../store/neo4j/bulk/prepare.js';
import type { ImportOptions, ImportReport } from '../import.js';
import type { SheetSource } from '../sheets/read.js';

// Messages between the main thread and an import worker (thread.ts). One worker serves one
// request: it may receive a request body in chunks and parse it, then runs one import; or it
// prepares one bulk load (neo4j-csv).

/**
 * A register to import: its text, the token of a document the worker holds from the body, or a
 * workbook or CSV directory (read in the worker: a large workbook takes long to read).
 */
export type WorkerInput = ({ text: string } | { held: string } | { sheets: SheetSource }) & {
  file?: string;
};

/** importRegisters' options as they cross to the worker: all of them but the progress callback. */
export type WorkerImportOptions = Omit<ImportOptions, 'onProgress'> & { progress: boolean };

export type ToWorker =
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'parse-body'; holdFrom: number; holdIf: string }
  | {
      type: 'import';
      target: StoreTarget | null;
      inputs: WorkerInput[];
      options: WorkerImportOptions;
    }
  | { type: 'bulk-load'; inputs: WorkerInput[]; options: BulkLoadOptions };

export type FromWorker =
  | { type: 'body'; body: unknown; held: string[] }
  | { type: 'body-error'; problem: 'empty' | 'invalid' }
  | { type: 'body-error'; problem: 'not-utf8'; at: { line: number; byte: number } }
  | { type: 'progress'; done: number; total: number }
  | { type: 'report'; report: ImportReport; bookmarks: string[] }
  | { type: 'bulk-load'; result: BulkLoadResult }
  | { type: 'failed'; error: SentError };

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

/** A worker that died (out of memory, a native crash) before answering: said plainly, never a hang. */
export function workerStopped(reason: string): VcError {
  return new VcError(
    ERROR_CODES.INTERNAL,
    `the import stopped before it finished (${reason}); nothing was written`,
  );
}
