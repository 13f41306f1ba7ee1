import { BusyError } from '../errors.js';

/**
 * At most `running` key hashes at once, and at most `waiting` more in line; a hash beyond that is
 * refused at once (BusyError) rather than queued without bound. scrypt takes 32 MB and a tenth of
 * a second of a core each: unbounded, a burst of wrong keys from many addresses would take every
 * core and the memory with it, and /healthz with them.
 */
export class HashSlots {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly running: number,
    private readonly waiting: number,
  ) {}

  async run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting)
        throw new BusyError('too many API keys are being checked at once');
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else this.active++;
    try {
      return await hash();
    } finally {
      // The slot passes straight to the next in line, so `active` counts it still.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Hashes running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.queue.length };
  }
}
