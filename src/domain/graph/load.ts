import { setImmediate as nextTurn } from 'node:timers/promises';
import type { IsoDate } from '../dates.js';
import type { StorePort } from '../../store/port.js';
import { LinkGraphBuilder, type LinkGraph } from './link-graph.js';
import { ofOneRegister } from './one-register.js';

/**
 * The whole graph's entrustment links (those in force on `asOf`, if given), of one committed
 * state: a store that reads in pages (Neo4j) can show a write that commits mid-scan in part.
 */
export function loadLinkGraph(store: StorePort, asOf?: IsoDate): Promise<LinkGraph> {
  return ofOneRegister(store, () => readLinkGraph(store, asOf));
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
