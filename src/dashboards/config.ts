// What dashboards get from the service (HTTP caching, compression, persisted queries, live
// changes, shutdown), with its defaults. config.ts fills it from the environment; tests build it.

export interface DashboardConfig {
  /** How long a shared cache may keep a GET answer before it asks again (s-maxage), in seconds. */
  cacheMaxAgeS: number;
  /** How many bytes of GET answers are kept for the current write generation (answer-cache.ts); 0: none. */
  answerCacheBytes: number;
  /** Answers from this many bytes up are compressed when the client accepts gzip, brotli or deflate. */
  compressFromBytes: number;
  /** Automatic persisted queries: how many queries, and how many bytes of them, are kept. */
  persistedQueries: { maxQueries: number; maxBytes: number };
  /** Open registerChanged subscriptions allowed per key (per principal). */
  subscriptionsPerKey: number;
  /** How often the store's generation is read while anyone subscribes, in ms. */
  changePollMs: number;
  /** How long a closing service waits for requests in flight before it drops them, in ms. */
  shutdownTimeoutMs: number;
}

export function defaultDashboards(): DashboardConfig {
  return {
    cacheMaxAgeS: 0,
    answerCacheBytes: 64 * 1024 * 1024,
    compressFromBytes: 1024,
    persistedQueries: { maxQueries: 1_000, maxBytes: 8 * 1024 * 1024 },
    subscriptionsPerKey: 10,
    changePollMs: 500,
    shutdownTimeoutMs: 10_000,
  };
}
