import { performance } from 'node:perf_hooks';
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { buildApp } from '../src/app.js';
import { buildBlastGraph } from '../src/explorer/model/blast-graph.js';
import { LAYOUT, toElements } from '../src/explorer/model/elements.js';
import { BLAST_RADIUS } from '../src/explorer/model/queries.js';
import { importRegister } from '../src/register/import.js';
import type { StorePort } from '../src/store/port.js';

// The explorer's picture of a hub leak with 2,000 controllers: 1,800 towns through 40 resellers
// and 200 straight into the hub. The answer comes through GraphQL as the page gets it; the picture is
// built and laid out by the page's own code and Cytoscape's dagre layout, headless in Node
// (the browser adds drawing, which Cytoscape does on a canvas after the layout).

cytoscape.use(dagre);

export const RESELLERS = 40;
export const TOWNS_PER_RESELLER = 45;
export const DIRECT = 200;

export function hubRegister(): string {
  const lines = ['register: 1', 'parties:', '  - { id: hub, name: ハブSaaS, kind: service }'];
  const entrustments: string[] = [];
  for (let r = 0; r < RESELLERS; r++) {
    lines.push(`  - { id: reseller-${r}, name: 販売代理店${r}, kind: company }`);
    const towns = Array.from({ length: TOWNS_PER_RESELLER }, (_, i) => `town-${r}-${i}`);
    for (const [i, id] of towns.entries()) {
      lines.push(`  - { id: ${id}, name: 町${r}-${i}, kind: municipality }`);
      entrustments.push(
        `  - { id: ${id}--r, client: ${id}, contractor: reseller-${r}, under: [], data: [user.name], confidence: reported${i % 7 === 0 ? ', disclosed: false' : ''} }`,
      );
    }
    entrustments.push(
      `  - { id: reseller-${r}--hub, client: reseller-${r}, contractor: hub, under: [${towns.map((t) => `${t}--r`).join(', ')}], data: [user.name], confidence: reported }`,
    );
  }
  for (let i = 0; i < DIRECT; i++) {
    lines.push(`  - { id: direct-${i}, name: 直接${i}, kind: municipality }`);
    entrustments.push(
      `  - { id: direct-${i}--hub, client: direct-${i}, contractor: hub, under: [], data: [user.name] }`,
    );
  }
  return [
    ...lines,
    'entrustments:',
    ...entrustments,
    'incidents:',
    '  - { id: hub-leak, party: hub, kind: unauthorized-access, from: 2020-01-01, to: 2020-02-01 }',
  ].join('\n');
}

function layout(elements: ReturnType<typeof toElements>): number {
  const t0 = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
  });
  cy.layout({ ...LAYOUT } as unknown as cytoscape.LayoutOptions).run();
  const ms = performance.now() - t0;
  cy.destroy();
  return ms;
}

export async function benchExplorerLayout(store: StorePort) {
  const report = await importRegister(store, hubRegister());
  if (!report.ok)
    throw new Error(`explorer bench register: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const app = await buildApp({ store });
  try {
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: BLAST_RADIUS, variables: { incident: 'hub-leak' } },
    });
    const queryMs = performance.now() - t0;
    const answer = res.json().data.blastRadius;
    const t1 = performance.now();
    const grouped = buildBlastGraph(answer);
    const buildMs = performance.now() - t1;
    const runs = [0, 1, 2].map(() => layout(toElements(grouped)));
    const ungrouped = buildBlastGraph(answer, Number.POSITIVE_INFINITY);
    const flat = layout(toElements(ungrouped));
    return {
      controllers: answer.controllers.length as number,
      queryMs,
      buildMs,
      grouped,
      layoutMs: Math.min(...runs),
      ungrouped,
      flatMs: flat,
    };
  } finally {
    await app.close();
  }
}
