import { Worker, type ResourceLimits } from 'node:worker_threads';
import { siblingModule } from '../paths.js';
import {
  receiveError,
  type FromThread,
  type Job,
  type JobType,
  type Jobs,
  type ToThread,
} from './protocol.js';

const ENTRY = siblingModule(import.meta.url, 'thread');

export interface WorkerClientOptions {
  /** The thread's heap limits (Node's defaults, as for the main thread, when not given). */
  limits?: ResourceLimits;
  /** The error every waiting job rejects with when the thread stops first, given why it stopped. */
  stopped: (reason: string) => Error;
  /** What to do when the thread runs out of memory, for the error that says so. */
  outOfMemory?: string;
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress: ((done: number, total: number) => void) | undefined;
}

/**
 * One worker thread (thread.ts) and the jobs sent to it, each answered under its id. A thread that
 * stops first (out of memory, a crash, stop()) rejects every job still waiting with one error
 * saying why: never a hang. Imports and whole-graph answers both go through here.
 */
export class WorkerClient {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private failure: string | null = null;
  private stoppedWith: Error | null = null;
  /** Resolves when the thread has ended, however it ended. */
  readonly exited: Promise<void>;

  constructor(private readonly options: WorkerClientOptions) {
    this.worker = new Worker(ENTRY, options.limits ? { resourceLimits: options.limits } : {});
    this.worker.on('message', (message: FromThread) => this.receive(message));
    this.worker.on('error', (error: Error & { code?: string }) => {
      const advice = options.outOfMemory ? `: ${options.outOfMemory}` : '';
      this.failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `it ran out of memory${advice}`
          : `its thread failed: ${error.message}`;
    });
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.end(this.failure ?? `its thread ended with exit code ${code}`);
        resolve();
      }),
    );
  }

  /** Whether a job is waiting for its answer. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  /** Whether the thread has stopped or is stopping: no job can be sent any more. */
  get stopped(): boolean {
    return this.stoppedWith !== null;
  }

  run<K extends JobType>(
    job: Job<K>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Jobs[K]['answer']> {
    return new Promise((resolve, reject) => {
      if (this.stoppedWith) return reject(this.stoppedWith);
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ id, job: job as Job } satisfies ToThread);
    });
  }

  /** A chunk of a request body, as it arrives (parsed later by a parse-body job). */
  write(bytes: Uint8Array): void {
    if (this.stoppedWith) throw this.stoppedWith;
    this.worker.postMessage({ type: 'chunk', bytes } satisfies ToThread);
  }

  /** Asks the thread to close its store and end; ends it if it has not within `graceMs`. */
  async close(graceMs: number): Promise<void> {
    if (!this.stoppedWith) this.worker.postMessage({ type: 'close' } satisfies ToThread);
    await this.finish(graceMs);
  }

  /** Waits for the thread to end by itself (after a one-off job), and ends it if it has not soon. */
  async finish(graceMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, graceMs, 'late')));
    if ((await Promise.race([this.exited, late])) === 'late') await this.stop();
    clearTimeout(timer);
  }

  /** Ends the thread now; jobs still waiting reject, saying why. */
  stop(reason = 'it was stopped'): Promise<void> {
    this.end(reason);
    void this.worker.terminate();
    return this.exited;
  }

  private receive(message: FromThread): void {
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    if (message.type === 'progress') return waiting.onProgress?.(message.done, message.total);
    this.waiting.delete(message.id);
    if (message.type === 'answer') waiting.resolve(message.value);
    else waiting.reject(receiveError(message.error));
  }

  private end(reason: string): void {
    this.stoppedWith ??= this.options.stopped(reason);
    for (const waiting of this.waiting.values()) waiting.reject(this.stoppedWith);
    this.waiting.clear();
  }
}
