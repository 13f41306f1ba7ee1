import { loadConfig, type Config } from '../config.js';
import type { StorePort } from '../store/port.js';
import type { OpenOptions } from '../store/neo4j/index.js';
import { openStore } from '../store/open.js';

/** Runs `work` on the configured store (STORE, DATA_DIR, NEO4J_*: as the server) and closes it. */
export async function withStore<T>(
  env: Record<string, string | undefined>,
  work: (store: StorePort, config: Config) => Promise<T>,
  options: Omit<OpenOptions, 'bookmarks'> = {},
): Promise<T> {
  const config = loadConfig(env);
  const store = await openStore(config, options);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

/** Party names by id, in one batched read, for tables and diagrams. */
export async function namesOf(
  store: StorePort,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const parties = await store.parties([...new Set(ids)]);
  return new Map(parties.map((p) => [p.id, p.name]));
}

/** A party as the JSON output names it: its id, and its name when the store knows the party. */
export const partyRef = (names: Map<string, string>, id: string) => ({
  id,
  name: names.get(id) ?? null,
});

/** Sources as the JSON output names them (as GraphQL's Source { id url title }), by id, in one read. */
export async function sourceRefsOf(
  store: StorePort,
  ids: Iterable<string>,
): Promise<Map<string, { id: string; url: string | null; title: string | null }>> {
  const sources = await store.sources([...new Set(ids)]);
  return new Map(
    sources.map((s) => [s.id, { id: s.id, url: s.url ?? null, title: s.title ?? null }]),
  );
}
