import type { IsoDate } from '../dates.js';
import type { StorePort } from '../../store/port.js';
import { LinkGraphBuilder, type LinkGraph } from './link-graph.js';

const PAGE = 10000;

/** The whole graph's entrustment links (those in force on `asOf`, if given), read once. */
export async function loadLinkGraph(store: StorePort, asOf?: IsoDate): Promise<LinkGraph> {
  const builder = new LinkGraphBuilder(asOf);
  for await (const page of store.entrustmentLinks()) for (const link of page) builder.add(link);
  return builder.build();
}
