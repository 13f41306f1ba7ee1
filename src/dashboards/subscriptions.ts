import { EventEmitter, on } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { IResolvers } from 'mercurius';
import type { Principal } from '../access/model.js';
import { ERROR_CODES, VcError } from '../errors.js';
import type { RegisterChange, RegisterChanges } from './register-changes.js';

// `subscription { registerChanged { revision at } }` over WebSocket at /graphql (graphql-ws, the
// graphql-transport-ws protocol, as Mercurius speaks it). The key comes in connection_init, as
// {"Authorization": "Bearer <key>"} or {"headers": {"Authorization": …}}: a browser cannot set
// headers on a WebSocket. Each key may hold a bounded number of subscriptions open.

/** The Authorization value of a connection_init payload, in either shape, any letter case. */
export function authorizationIn(payload: unknown): string | undefined {
  const find = (o: unknown): string | undefined => {
    if (o === null || typeof o !== 'object') return undefined;
    const entry = Object.entries(o).find(([k]) => k.toLowerCase() === 'authorization');
    return typeof entry?.[1] === 'string' ? entry[1] : undefined;
  };
  return find(payload) ?? find((payload as { headers?: unknown } | null)?.headers);
}

type Change = { registerChanged: RegisterChange };

/** The subscriptions of one service: counted per key, and all ended when it closes. */
export class Subscriptions {
  private readonly open = new Map<string, number>();
  private readonly enders = new Set<() => void>();

  constructor(
    private readonly changes: RegisterChanges,
    private readonly perKey: number,
  ) {}

  /** A stream of changes for this principal, or a refusal when its key holds too many. */
  async subscribe(principal: Principal): Promise<AsyncIterableIterator<Change>> {
    const held = this.open.get(principal.name) ?? 0;
    if (held >= this.perKey)
      throw new VcError(
        ERROR_CODES.BAD_USER_INPUT,
        `the key "${principal.name}" already holds ${held} subscriptions, the most one key may (SUBSCRIPTIONS_PER_KEY); close one first`,
      );
    this.open.set(principal.name, held + 1);
    const emitter = new EventEmitter();
    const abort = new AbortController();
    let ended = false;
    let stopListening = () => {};
    const end = () => {
      if (ended) return;
      ended = true;
      stopListening();
      abort.abort();
      this.enders.delete(end);
      const left = (this.open.get(principal.name) ?? 1) - 1;
      if (left > 0) this.open.set(principal.name, left);
      else this.open.delete(principal.name);
    };
    this.enders.add(end);
    try {
      stopListening = await this.changes.listen((change) => emitter.emit('change', change));
    } catch (error) {
      end();
      throw error;
    }
    const source = on(emitter, 'change', { signal: abort.signal });
    const done = { done: true as const, value: undefined };
    const iterator: AsyncIterableIterator<Change> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        if (ended) return done;
        try {
          const next = await source.next();
          return next.done ? done : { done: false, value: { registerChanged: next.value[0] } };
        } catch (error) {
          if (ended) return done;
          throw error;
        }
      },
      // The client unsubscribed or left: no listener stays behind.
      return: async () => {
        end();
        return done;
      },
    };
    return iterator;
  }

  /** How many subscriptions are open, over every key. */
  get size(): number {
    return this.enders.size;
  }

  /** Ends every subscription: each client is sent `complete`, then the service closes its sockets. */
  endAll(): void {
    for (const end of [...this.enders]) end();
  }
}

export function subscriptionResolvers(subscriptions: Subscriptions): IResolvers {
  return {
    Subscription: {
      registerChanged: {
        subscribe: async (_: unknown, __: unknown, { principal }: { principal: Principal }) =>
          subscriptions.subscribe(principal),
      },
    },
  } as unknown as IResolvers;
}

/** Why a connection_init was refused, kept for its first subscription to say (see below). */
export interface Refusal {
  code: string;
  message: string;
}

/** Who a connection_init names, its key checked against `address`'s failure limit. */
export type IdentifyConnection = (
  authorization: string | undefined,
  address: string | undefined,
) => Promise<Record<string, unknown> & { principal: Principal }>;

/** Where a connection's upgrade request came from, kept in its context for its connection_init. */
const ADDRESS = Symbol('connection address');

/** A connection as Mercurius calls onConnect on it: a method, its context already resolved. */
interface Connection {
  context?: Record<PropertyKey, unknown>;
}

/**
 * Mercurius's subscription options: the key or token checked at connection_init, like every
 * request's, and the store seen through the same scope. Mercurius answers a connection it refuses
 * with a bare "Forbidden"; so a refused one is acknowledged with no principal and its reason
 * (expired, foreign issuer, no role), and every subscription on it fails with that reason and code
 * (graphql plugin's preSubscriptionExecution hook). Nothing runs on it.
 */
export function subscriptionOptions(
  identify: IdentifyConnection,
  context: () => Record<string, unknown>,
  log: FastifyBaseLogger,
) {
  return {
    context: (_socket: unknown, request: { ip?: string }) => ({
      ...context(),
      [ADDRESS]: request.ip,
    }),
    // Mercurius calls it on the connection (`this`), whose context holds the upgrade's address:
    // a wrong key sent in connection_init counts against its address as one sent over HTTP does.
    async onConnect(this: Connection | undefined, { payload }: { payload?: unknown }) {
      const address = this?.context?.[ADDRESS];
      try {
        return await identify(
          authorizationIn(payload),
          typeof address === 'string' ? address : undefined,
        );
      } catch (error) {
        if (!(error instanceof VcError)) throw error;
        log.info({ reason: error.message }, 'a subscription connection was refused');
        const refusal: Refusal = { code: error.code, message: error.message };
        return { principal: null, refusal };
      }
    },
  };
}
