/**
 * One read shared by everyone who asks while it is on its way, never a read older than the ask:
 * an ask that arrives while a read is running waits for the next one, which starts when the
 * running one ends and answers every ask that arrived meanwhile. So a caller always sees what was
 * committed before it asked (a write it made included), and fifty dashboards polling at once
 * cost two round trips to the database rather than fifty.
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (this.running === null) return this.start();
    if (this.next === null) {
      const after = this.running.then(
        () => undefined,
        () => undefined,
      );
      this.next = after.then(() => {
        this.next = null;
        return this.start();
      });
    }
    return this.next;
  }

  private start(): Promise<T> {
    const read = this.read();
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}
