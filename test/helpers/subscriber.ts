import { createClient, type Client } from 'graphql-ws';

// A graphql-ws client, as a dashboard runs one, that keeps what it is sent: the changes, the
// errors, and whether the server completed the subscription.

export interface Change {
  revision: string;
  at: string;
}

export class Subscriber {
  readonly changes: Change[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  /** Resolves when the subscription ends: completed by the server, or an error. */
  readonly ended: Promise<void>;
  readonly client: Client;
  private readonly stop: () => void;

  constructor(url: string, authorization?: string) {
    this.client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: authorization ? { Authorization: authorization } : {},
    });
    let stop = () => {};
    this.ended = new Promise<void>((resolve) => {
      stop = this.client.subscribe<{ registerChanged: Change }>(
        { query: 'subscription { registerChanged { revision at } }' },
        {
          next: (message) => {
            if (message.data) this.changes.push(message.data.registerChanged);
            if (message.errors) this.errors.push(...message.errors);
          },
          error: (error) => {
            this.errors.push(error);
            resolve();
          },
          complete: () => {
            this.completed = true;
            resolve();
          },
        },
      );
    });
    this.stop = stop;
  }

  /** Resolves once `n` changes have arrived; rejects on an error or after `timeoutMs`. */
  waitFor(n: number, timeoutMs = 30_000): Promise<void> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const poll = () => {
        if (this.changes.length >= n) return resolve();
        if (this.errors.length > 0 || Date.now() - started > timeoutMs)
          return reject(
            new Error(
              `${this.changes.length} of ${n} changes arrived; errors: ${JSON.stringify(this.errors)}`,
            ),
          );
        setTimeout(poll, 20);
      };
      poll();
    });
  }

  async close(): Promise<void> {
    this.stop();
    await this.client.dispose();
  }
}
