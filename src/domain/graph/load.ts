import { setImmediate as nextTurn } from 'node:timers/promises';
import type { IsoDate } from '../dates.js';
import type { StorePort } from '../../store/port.js';
import { LinkGraphBuilder, type LinkGraph } from './link-graph.js';

/** The whole graph's entrustment links (those in force on `asOf`, if given), read once. */
export async function loadLinkGraph(store: StorePort, asOf?: IsoDate): Promise<LinkGraph> {
  const builder = new LinkGraphBuilder(asOf);
  for await (const page of store.entrustmentLinks()) {
    for (const link of page) builder.add(link);
    // Reading a large graph takes seconds, and a page from the embedded store arrives without
    // any I/O: without a turn of the event loop here, every other request would wait for it.
    await nextTurn();
  }
  return builder.build();
}
