import type { ManagedTransaction } from 'neo4j-driver';
import type { Runners } from './access.js';
import { chunks } from './chunks.js';

// What the graph derives from the register and keeps right at every write, in the write's own
// transaction (cypher/README.md, "Derived relationships"): the links inference adds
// ((:Entrustment)-[:PERFORMS {inferred: true}]->(:Entrustment)) and one DELEGATES_TO per pair of
// parties with entrustments between them.

/** Redraws the inferred links of these entrustments, both ways; run once their relationships are drawn. */
export async function inferLinks(
  r: Runners,
  tx: ManagedTransaction,
  entrustmentIds: Iterable<string>,
): Promise<void> {
  for (const part of chunks([...new Set(entrustmentIds)]))
    await r.run(tx, 'entrustment/infer', { ids: part });
}

/** Redraws what these parties delegate, from the entrustments they make now. */
export async function redrawDelegations(
  r: Runners,
  tx: ManagedTransaction,
  clientIds: Iterable<string | null>,
): Promise<void> {
  const ids = [...new Set(clientIds)].filter((id): id is string => typeof id === 'string');
  for (const part of chunks(ids)) await r.run(tx, 'party/delegate', { ids: part });
}
