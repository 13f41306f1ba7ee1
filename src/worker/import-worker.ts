import type { ResourceLimits } from 'node:worker_threads';
import { ERROR_CODES, VcError } from '../errors.js';
import type { ImportReport } from '../register/import.js';
import type { StoreTarget } from '../store/target.js';
import type { BulkLoadOptions, BulkLoadResult } from './bulk-load.js';
import { WorkerClient } from './client.js';
import type { ImportAnswer, ParsedBody, WorkerImportOptions, WorkerInput } from './protocol.js';

/** How long a worker that has answered may take to close its store and end. */
const FINISH_GRACE_MS = 10_000;

/** A worker that died (out of memory, a native crash) before answering: said plainly, never a hang. */
function importStopped(reason: string): VcError {
  return new VcError(
    ERROR_CODES.INTERNAL,
    `the import stopped before it finished (${reason}); nothing was written`,
  );
}

/**
 * One worker thread for one import (and, for a large request, the parsing of its body first), or
 * one bulk load. Every call waits for the worker's answer; a worker that dies first makes it
 * reject with a VcError saying so.
 */
export class ImportWorker {
  private readonly client: WorkerClient;
  readonly exited: Promise<void>;

  /**
   * @param limits the thread's heap limits (Node's defaults, as for the main thread, when not given)
   * @param outOfMemory what to do when the thread runs out of memory, for the error that says so
   */
  constructor(limits?: ResourceLimits, outOfMemory = 'import the register in smaller files') {
    this.client = new WorkerClient({
      ...(limits ? { limits } : {}),
      outOfMemory,
      stopped: importStopped,
    });
    this.exited = this.client.exited;
  }

  /** Whether an import is running (a worker that only holds a body can be stopped at once). */
  get importing(): boolean {
    return this.client.busy;
  }

  /** A chunk of a request body, as it arrives. */
  write(bytes: Uint8Array): void {
    this.client.write(bytes);
  }

  /** Parses the body sent so far; strings of at least `holdFrom` characters in the variables of a request whose query names `holdIf` stay in the worker, replaced by tokens. */
  parseBody(holdFrom: number, holdIf: string): Promise<ParsedBody> {
    return this.client.run({ type: 'parse-body', holdFrom, holdIf });
  }

  /** Runs importRegisters in the worker, on the store at `target` (null: a check with no store). */
  async import(
    target: StoreTarget | null,
    inputs: WorkerInput[],
    options: Omit<WorkerImportOptions, 'progress'> & {
      onProgress?: (done: number, total: number) => void;
      /** Given the worker's bookmarks once it has written (store/target.ts, learnBookmarks). */
      onBookmarks?: (bookmarks: string[]) => Promise<void>;
    },
  ): Promise<ImportReport> {
    const { onProgress, onBookmarks, ...rest } = options;
    const job = { ...rest, progress: onProgress !== undefined };
    const answer: ImportAnswer = await this.client.run(
      { type: 'import', target, inputs, options: job },
      onProgress,
    );
    await onBookmarks?.(answer.bookmarks);
    return answer.report;
  }

  /** Runs prepareBulkLoad in the worker: the register checked, and its CSV files written if it has no error. */
  bulkLoad(inputs: WorkerInput[], options: BulkLoadOptions): Promise<BulkLoadResult> {
    return this.client.run({ type: 'bulk-load', inputs, options });
  }

  /** Waits for the thread to end by itself after its import, and ends it if it has not soon. */
  finish(graceMs = FINISH_GRACE_MS): Promise<void> {
    return this.client.finish(graceMs);
  }

  /** Ends the thread (any waiting call rejects, saying it was stopped). */
  stop(): Promise<void> {
    return this.client.stop();
  }
}
