import { setImmediate as nextTurn } from 'node:timers/promises';
import type { IsoDate } from '../dates.js';
import type { StorePort } from '../../store/port.js';
import { LinkGraphBuilder, type LinkGraph } from './link-graph.js';

/** Reads that a write kept moving under them are tried this often before the last one is kept. */
const CONSISTENT_READ_TRIES = 3;

/**
 * The whole graph's entrustment links (those in force on `asOf`, if given). A store that reads
 * in pages (Neo4j) can show a write that commits mid-scan in part; a scan during which the
 * generation moved is read again, so the answer is of one committed state.
 */
export async function loadLinkGraph(store: StorePort, asOf?: IsoDate): Promise<LinkGraph> {
  for (let tries = 1; ; tries++) {
    const before = await store.generation();
    const graph = await readLinkGraph(store, asOf);
    if (tries === CONSISTENT_READ_TRIES || (await store.generation()) === before) return graph;
  }
}

async function readLinkGraph(store: StorePort, asOf?: IsoDate): Promise<LinkGraph> {
  const builder = new LinkGraphBuilder(asOf);
  for await (const page of store.entrustmentLinks(asOf)) {
    for (const link of page) builder.add(link);
    // Reading a large graph takes seconds, and a page from the embedded store arrives without
    // any I/O: without a turn of the event loop here, every other request would wait for it.
    await nextTurn();
  }
  return builder.build();
}
