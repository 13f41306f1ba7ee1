import { Worker, type ResourceLimits } from 'node:worker_threads';
import { siblingModule } from '../../paths.js';
import type { BulkLoadOptions, BulkLoadResult } from '../../store/neo4j/bulk/prepare.js';
import type { StoreTarget } from '../../store/target.js';
import type { ImportReport } from '../import.js';
import {
  receiveError,
  workerStopped,
  type FromWorker,
  type ToWorker,
  type WorkerImportOptions,
  type WorkerInput,
} from './protocol.js';

const ENTRY = siblingModule(import.meta.url, 'thread');

/** How long a worker that has answered may take to close its store and end. */
const FINISH_GRACE_MS = 10_000;

export type ParsedBody =
  | { ok: true; body: unknown; held: string[] }
  | { ok: false; problem: 'empty' | 'invalid' }
  | { ok: false; problem: 'not-utf8'; at: { line: number; byte: number } };

/**
 * One worker thread for one import (and, for a large request, the parsing of its body first).
 * Every call waits for the worker's answer; a worker that dies first makes it reject with a
 * VcError saying so, never wait forever.
 */
export class ImportWorker {
  private readonly worker: Worker;
  private waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  private onProgress: ((done: number, total: number) => void) | undefined;
  private stoppedWith: Error | null = null;
  private busy = false;
  /** Resolves when the thread has ended, however it ended. */
  readonly exited: Promise<void>;

  /**
   * @param limits the thread's heap limits (Node's defaults, as for the main thread, when not given)
   * @param outOfMemory what to do when the thread runs out of memory, for the error that says so
   */
  constructor(limits?: ResourceLimits, outOfMemory = 'import the register in smaller files') {
    this.worker = new Worker(ENTRY, limits ? { resourceLimits: limits } : {});
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') return this.onProgress?.(message.done, message.total);
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.resolve(message);
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.stop(
        workerStopped(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `it ran out of memory: ${outOfMemory}`
            : `its thread failed: ${error.message}`,
        ),
      );
    });
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.stop(workerStopped(`its thread ended with exit code ${code}`));
        resolve();
      }),
    );
  }

  /** Whether an import is running (a worker that only holds a body can be stopped at once). */
  get importing(): boolean {
    return this.busy;
  }

  /** A chunk of a request body, as it arrives. */
  write(bytes: Uint8Array): void {
    this.send({ type: 'chunk', bytes });
  }

  /** Parses the body sent so far; strings of at least `holdFrom` characters in the variables of a request whose query names `holdIf` stay in the worker, replaced by tokens. */
  async parseBody(holdFrom: number, holdIf: string): Promise<ParsedBody> {
    const answer = await this.ask({ type: 'parse-body', holdFrom, holdIf });
    if (answer.type === 'body') return { ok: true, body: answer.body, held: answer.held };
    if (answer.type === 'body-error')
      return answer.problem === 'not-utf8'
        ? { ok: false, problem: answer.problem, at: answer.at }
        : { ok: false, problem: answer.problem };
    throw unexpected(answer);
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
    this.onProgress = onProgress;
    const answer = await this.run(
      {
        type: 'import',
        target,
        inputs,
        options: { ...rest, progress: onProgress !== undefined },
      },
      'report',
    );
    await onBookmarks?.(answer.bookmarks);
    return answer.report;
  }

  /** Runs prepareBulkLoad in the worker: the register checked, and its CSV files written if it has no error. */
  async bulkLoad(inputs: WorkerInput[], options: BulkLoadOptions): Promise<BulkLoadResult> {
    return (await this.run({ type: 'bulk-load', inputs, options }, 'bulk-load')).result;
  }

  /** Sends one job and waits for its answer, of type `answers`; a failure comes back as the error it was. */
  private async run<T extends FromWorker['type']>(
    job: ToWorker,
    answers: T,
  ): Promise<Extract<FromWorker, { type: T }>> {
    this.busy = true;
    try {
      const answer = await this.ask(job);
      if (answer.type === answers) return answer as Extract<FromWorker, { type: T }>;
      if (answer.type === 'failed') throw receiveError(answer.error);
      throw unexpected(answer);
    } finally {
      this.busy = false;
    }
  }

  /** Waits for the thread to end by itself after its import, and ends it if it has not soon. */
  async finish(graceMs = FINISH_GRACE_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), graceMs)),
    );
    if ((await Promise.race([this.exited, late])) === 'late') await this.stop();
    clearTimeout(timer);
  }

  /** Ends the thread (any waiting call rejects with `reason`). */
  stop(reason: Error = workerStopped('it was stopped')): Promise<void> {
    if (this.stoppedWith === null) {
      this.stoppedWith = reason;
      void this.worker.terminate();
    }
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.stoppedWith);
    return this.exited;
  }

  private send(message: ToWorker): void {
    if (this.stoppedWith) throw this.stoppedWith;
    this.worker.postMessage(message);
  }

  private ask(message: ToWorker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      if (this.stoppedWith) return reject(this.stoppedWith);
      this.waiting = { resolve, reject };
      this.worker.postMessage(message);
    });
  }
}

function unexpected(answer: FromWorker): Error {
  return new Error(`the import worker answered ${answer.type} out of turn`);
}
