import type { StorePort } from '../../store/port.js';
import { handOff, learnBookmarks, targetOf } from '../../store/target.js';
import {
  importRegisters,
  type ImportOptions,
  type ImportReport,
  type RegisterInput,
} from '../import.js';
import { sheetSourceSize } from '../sheets/read.js';
import { ImportWorker } from './import-worker.js';

/** A request body parsed by a worker that still holds the body's large strings (see ImportWorker.parseBody). */
export interface HeldBody {
  worker: ImportWorker;
  tokens: readonly string[];
}

/**
 * Where imports run: registers of at least `fromBytes` characters in a worker thread of their
 * own, smaller ones here (a worker costs tens of milliseconds to start). Either way it is the same
 * importRegisters; the worker opens the same store again, so it needs a store that can say where
 * it is (targetOf), and imports here otherwise. Keeps track of its workers to end them on close.
 */
export class ImportThreads {
  private readonly live = new Set<ImportWorker>();
  private closing = false;

  constructor(readonly fromBytes: number) {}

  /** A worker for one request; ended by close() if still running then. */
  start(): ImportWorker {
    const worker = new ImportWorker();
    this.live.add(worker);
    void worker.exited.then(() => this.live.delete(worker));
    return worker;
  }

  /** Whether a body of `bytes` should be parsed in a worker, for a store that a worker can open. */
  offThread(store: StorePort, bytes: number): boolean {
    return !this.closing && bytes >= this.fromBytes && targetOf(store) !== null;
  }

  /** importRegisters, off this thread when the documents are large; `held` documents are imported by the worker that holds them. */
  async import(
    store: StorePort | null,
    inputs: readonly RegisterInput[],
    options: ImportOptions,
    held: HeldBody | null = null,
  ): Promise<ImportReport> {
    // With the store's bookmarks: the worker sees this thread's writes, and hands its own back.
    const target = store === null ? null : await handOff(store);
    const heldInputs =
      held === null ? [] : inputs.filter((input) => held.tokens.includes(input.text));
    // Everything but the callback crosses to the worker as data (a sync scope, the import's time …).
    const workerOptions =
      store === null
        ? options
        : { ...options, onBookmarks: (bookmarks: string[]) => learnBookmarks(store, bookmarks) };
    const asWorkerInput = (input: RegisterInput) => ({
      ...(input.sheets
        ? { sheets: input.sheets }
        : heldInputs.includes(input)
          ? { held: input.text }
          : { text: input.text }),
      ...(input.file === undefined ? {} : { file: input.file }),
    });
    if (held !== null && heldInputs.length > 0)
      return held.worker.import(target, inputs.map(asWorkerInput), workerOptions);
    const size = inputs.reduce(
      (n, input) => n + (input.sheets ? sheetSourceSize(input.sheets) : input.text.length),
      0,
    );
    if (this.closing || size < this.fromBytes || (store !== null && target === null))
      return importRegisters(store, inputs, options);
    const worker = this.start();
    try {
      return await worker.import(target, inputs.map(asWorkerInput), workerOptions);
    } finally {
      await worker.finish();
    }
  }

  /** Ends workers that only hold a body; waits for running imports to finish (they are atomic either way). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [...this.live].map((worker) => (worker.importing ? worker.exited : worker.stop())),
    );
  }
}
