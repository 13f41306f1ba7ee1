import { performance } from 'node:perf_hooks';

/**
 * One read shared by everyone who asks while it is on its way, never a read older than the ask:
 * an ask that arrives while a read is running waits for the next one, which starts when the
 * running one ends and answers every ask that arrived meanwhile. So a caller always sees what was
 * committed before it asked (a write it made included), and fifty dashboards polling at once
 * cost two round trips to the database rather than fifty.
 *
 * A read that follows a running one starts `spacingMs` after that one started, not sooner: under
 * a steady stream of asks, back-to-back reads kept the database busy answering the same question
 * (a core of the JVM under a dashboard's load), while an ask now waits at most that much more, for
 * a read that still starts after it. An ask while nothing runs (one script asking in turn) reads
 * at once.
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;
  private lastStart = -Infinity;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly spacingMs = 0,
  ) {}

  get(): Promise<T> {
    if (this.next !== null) return this.next;
    if (this.running === null) return this.start();
    const ended = this.running.then(
      () => undefined,
      () => undefined,
    );
    this.next = ended.then(async () => {
      const wait = this.lastStart + this.spacingMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<T> {
    this.lastStart = performance.now();
    const read = this.read();
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}
