import { Worker } from 'node:worker_threads';
import { ERROR_CODES, VcError } from '../../errors.js';
import { siblingModule } from '../../paths.js';
import { receiveError, type SentError } from '../../register/worker/protocol.js';
import type { StoreTarget } from '../../store/target.js';

// Whole-graph answers (findings over the whole register, concentration) are seconds to minutes
// of CPU on a large graph. Computed in slices on the main thread they still took half its time,
// and small queries beside them waited; in a worker thread they use the other core. The worker
// opens the same store again (store/target.ts), remembers its answers until the next write, and
// sends the main thread only what a request asks for: a page of findings, the first N parties.

const ENTRY = siblingModule(import.meta.url, 'whole-graph-worker');

/** How long a closing worker may take to close its store before it is ended. */
const CLOSE_GRACE_MS = 5_000;

export type WholeGraphAsk =
  | { kind: 'findings'; asOf?: string; first?: number | null; after?: string | null; max: number }
  | { kind: 'concentration'; asOf?: string; first: number }
  | { kind: 'concentrationOf'; asOf?: string; parties: string[] }
  | { kind: 'findingCounts'; asOf?: string };

export type ToWholeGraphWorker = { id: number; ask: WholeGraphAsk } | { close: true };
export type FromWholeGraphWorker =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SentError };

/** One worker thread for one store, started at the first ask and kept until close(). */
export class WholeGraphThread {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  constructor(private readonly target: StoreTarget) {}

  ask<T>(ask: WholeGraphAsk): Promise<T> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, ask } satisfies ToWholeGraphWorker);
    });
  }

  /** Lets the worker close its store, and ends it if it takes long; asks still waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage({ close: true } satisfies ToWholeGraphWorker);
    const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private start(): Worker {
    const worker = new Worker(ENTRY, { workerData: this.target });
    this.worker = worker;
    worker.on('message', (answer: FromWholeGraphWorker) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.ok) waiting?.resolve(answer.value);
      else waiting?.reject(receiveError(answer.error));
    });
    let failure: string | null = null;
    worker.on('error', (error: Error & { code?: string }) => {
      failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'it ran out of memory'
          : `its thread failed: ${error.message}`;
    });
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        // The next ask starts a new worker.
        if (this.worker === worker) this.worker = null;
        const error = stopped(failure ?? `its thread ended with exit code ${code}`);
        for (const waiting of this.waiting.values()) waiting.reject(error);
        this.waiting.clear();
        resolve();
      }),
    );
    return worker;
  }
}

function stopped(reason: string): VcError {
  return new VcError(
    ERROR_CODES.INTERNAL,
    `the whole-graph analysis stopped before it answered (${reason})`,
  );
}
