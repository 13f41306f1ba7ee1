import type { StorePort } from '../store/port.js';

/** One committed write: the generation it made (its audit entry's id) and when. */
export interface RegisterChange {
  revision: string;
  at: string;
}

// The most changes told one by one after a gap (a burst of writes between two reads, or a store
// out of reach for a while); past it, the latest ones.
const MAX_TOLD = 100;

/**
 * Watches the store's write generation, which every committed write raises by one, by this
 * process or any other (the CLI, a worker thread, another instance on the same Neo4j): no broker,
 * and nothing an instance must tell the others. Reads it every `pollMs` while anyone listens, and
 * tells each new generation once, in order, with the time its audit entry records.
 */
export class RegisterChanges {
  private listeners = new Set<(change: RegisterChange) => void>();
  private seen: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly store: StorePort,
    private readonly pollMs: number,
    private readonly now: () => Date,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts watching (from the current generation) if nobody was; returns the way to stop listening. */
  async listen(listener: (change: RegisterChange) => void): Promise<() => void> {
    if (this.closed) throw new Error('the service is closing');
    this.listeners.add(listener);
    if (this.seen === null) this.seen = await this.store.generation();
    this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Reads the generation now and tells what changed; the timer calls it, and tests may. */
  check(): Promise<void> {
    this.reading ??= this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.stop();
  }

  private async read(): Promise<void> {
    if (this.seen === null) return;
    let generation: number;
    try {
      generation = await this.store.generation();
    } catch (error) {
      return this.onError(error);
    }
    const from = this.seen;
    if (generation <= from) return;
    this.seen = generation;
    const told = Math.min(generation - from, MAX_TOLD);
    const times = await this.timesOf(told);
    for (let g = generation - told + 1; g <= generation; g++) {
      const change = { revision: String(g), at: times.get(String(g)) ?? this.now().toISOString() };
      for (const listener of this.listeners) listener(change);
    }
  }

  /** When the newest writes were made, from their audit entries (a write without one has none). */
  private async timesOf(count: number): Promise<Map<string, string>> {
    try {
      return new Map((await this.store.auditLog(count, null)).map((e) => [e.id, e.at]));
    } catch (error) {
      this.onError(error);
      return new Map();
    }
  }

  private schedule(): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setInterval(() => void this.check(), this.pollMs);
    // Watching never keeps a process alive on its own.
    this.timer.unref();
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.seen = null;
  }
}
