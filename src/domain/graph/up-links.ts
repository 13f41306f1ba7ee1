import { Int32List } from '../int-list.js';
import { Slices } from './slices.js';
import { UNDER_ABSENT, UNDER_EMPTY, type LinkGraph } from './link-graph.js';

/**
 * What each entrustment performs, by position: its declared upstreams that are in the graph, or,
 * where `under` is absent, the entrustments into its client it performs by inference.
 * Upstreams of i are ups[start[i]] … ups[start[i + 1] - 1].
 */
export interface UpLinks {
  readonly start: Int32Array;
  readonly ups: Int32Array;
  /**
   * 1 when i carries its client's own data, so the client is a root controller: `under: []`, or
   * `under` absent and nothing into the client that i performs. A declared `under` whose
   * upstreams are all out of the graph (not in force) carries nobody's data.
   */
  readonly own: Uint8Array;
}

/** In slices (slices.ts): inferred links into a hub can be many. */
export async function upLinksOf(g: LinkGraph, slices = new Slices()): Promise<UpLinks> {
  const n = g.size;
  const start = new Int32Array(n + 1);
  const own = new Uint8Array(n);
  const ups = new Int32List(Math.max(16, n * 2));
  for (let i = 0; i < n; i++) {
    if (slices.due()) await slices.turn();
    if (g.underKind[i] === UNDER_EMPTY) own[i] = 1;
    else if (g.underKind[i] !== UNDER_ABSENT) {
      for (let k = g.underStart[i]!; k < g.underStart[i + 1]!; k++) ups.push(g.under[k]!);
    } else {
      const party = g.client[i]!;
      for (let k = g.intoStart[party]!; k < g.intoStart[party + 1]!; k++) {
        const u = g.intoList[k]!;
        if (g.performsByInference(i, u)) ups.push(u);
      }
      if (ups.length === start[i]) own[i] = 1;
    }
    start[i + 1] = ups.length;
  }
  return { start, ups: ups.copy(), own };
}
