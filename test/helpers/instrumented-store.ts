import type { StorePort } from '../../src/store/port.js';

/**
 * Wraps a real store to count calls per method, or to make one method fail: the store under it
 * does all the work. Used to prove batching (no N+1) and the hiding of internal errors.
 */
export function instrument(
  store: StorePort,
  failing: Partial<Record<keyof StorePort, Error>> = {},
) {
  const calls: Record<string, number> = {};
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        const failure = failing[prop as keyof StorePort];
        if (failure) return Promise.reject(failure);
        return value.apply(target, args);
      };
    },
  });
  return { store: wrapped, calls, reset: () => Object.keys(calls).forEach((k) => delete calls[k]) };
}

/**
 * The store without its local reader, as a store over the network is (Neo4j): its walks up then
 * read it round by round (StorePort.upstreamRound). The store under it does all the work.
 */
export function readInRounds(store: StorePort): StorePort {
  return new Proxy(store, {
    get: (target, prop) => (prop === 'upstreamReader' ? undefined : Reflect.get(target, prop)),
  });
}
