import type { Runners } from './access.js';
import { inferLinks } from './derived-links.js';
import { toInteger, toNumber } from './mapping.js';

// `vendor-chain migrate`: before 8adf1cf, an import large enough to be staged drew no inferred
// links (PERFORMS) between the parties it added, so supply chains, cross-border and findings on
// Neo4j followed declared links only. Each page of entrustments is read for the ones left without
// them (migrate/uninferred.cypher), which are drawn again in a transaction per page; run again, it
// finds nothing to do.

const PAGE = 10_000;

/** Draws the inferred links a staged import left out; returns how many entrustments it drew again. */
export async function redrawMissingInferredLinks(r: Runners): Promise<number> {
  let drawn = 0;
  for (let afterId = ''; ;) {
    const [row] = await r.read('migrate/uninferred', { afterId, limit: toInteger(PAGE) });
    const read = row ? toNumber(row.get('read')) : 0;
    const missing = (row?.get('missing') as string[] | undefined) ?? [];
    if (missing.length > 0) await r.write(missing.length, (tx) => inferLinks(r, tx, missing));
    drawn += missing.length;
    if (read < PAGE) return drawn;
    afterId = row!.get('last') as string;
  }
}
