import type { ApiKey } from './model.js';
import type { StorePort } from '../store/port.js';

// Keys are read for every request, so that a key created or revoked anywhere (the CLI, another
// instance) counts at once. Every key write moves the store's write generation, which a request
// reads anyway (its ETag: src/dashboards/http-cache.ts): the keys read at one generation serve
// every request that finds the same generation, and one round trip to Neo4j per request is spared.

export class KeysByGeneration {
  private kept: { generation: number; keys: Promise<ApiKey[]> } | null = null;

  constructor(private readonly store: StorePort) {}

  at(generation: number): Promise<ApiKey[]> {
    if (this.kept?.generation !== generation) {
      // Read after the generation: at least as new as it, never older.
      const keys = this.store.apiKeys();
      this.kept = { generation, keys };
      keys.catch(() => {
        if (this.kept?.keys === keys) this.kept = null;
      });
    }
    return this.kept.keys;
  }
}
