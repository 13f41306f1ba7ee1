import type {
  CertificationAlert,
  ChainAnswer,
  CrossBorderAnswer,
  Finding,
} from '../model/answers.js';
import { buildChainGraph } from '../model/chain-graph.js';
import { partyLabel } from '../model/graph.js';
import { CHAIN_DATES, CROSS_BORDER, SUPPLY_CHAIN } from '../model/queries.js';
import { stopFor, timelineStops } from '../model/timeline.js';
import { gql } from './api.js';
import { byId, h, status } from './dom.js';
import { draw, select } from './graph-view.js';
import { renderList } from './list-view.js';

interface ChainData {
  supplyChain: ChainAnswer;
  redelegationFindings: Finding[];
  certificationAlerts: CertificationAlert[];
}

async function drawChain(controller: string, asOf: string | null): Promise<void> {
  status(`Asking for the supply chain${asOf ? ` as of ${asOf}` : ''}…`);
  const [data, crossBorder] = await Promise.all([
    gql<ChainData>(SUPPLY_CHAIN, { controller, asOf }),
    // A controller without a country has no cross-border answer; the chain is drawn all the same.
    gql<{ crossBorder: CrossBorderAnswer }>(CROSS_BORDER, { controller, asOf }).then(
      (d) => d.crossBorder,
      () => null,
    ),
  ]);
  const graph = buildChainGraph(
    data.supplyChain,
    data.redelegationFindings,
    data.certificationAlerts,
    crossBorder,
  );
  const title = `Supply chain of ${partyLabel(data.supplyChain.controller)}${asOf ? ` as of ${asOf}` : ''}`;
  byId('view-title').textContent = title;
  const details = byId('details');
  const onSelect = (id: string) => {
    select(id);
    const element = graph.nodes.find((n) => n.id === id) ?? graph.edges.find((e) => e.id === id);
    const findings = data.redelegationFindings.filter((f) => f.entrustment.id === id);
    details.replaceChildren(
      h('p', {}, element?.detail ?? id),
      ...findings.map((f) =>
        h('p', { class: 'finding' }, `${f.severity} ${f.rule}: ${f.explanation}`),
      ),
    );
  };
  const ms = draw(graph, `supply-chain-${controller}${asOf ? `-${asOf}` : ''}`, onSelect);
  renderList(graph, onSelect);
  details.replaceChildren(
    h(
      'p',
      {},
      `${data.redelegationFindings.length} findings, ${data.certificationAlerts.length} certification alerts, ${crossBorder?.hops.length ?? 0} cross-border hops. Click a party or an edge for details.`,
    ),
  );
  status(`${graph.nodes.length - 1} parties hold the data; laid out in ${Math.round(ms)} ms.`);
}

/**
 * The chain with a timeline: the slider's stops are the dates where the chain changes, and
 * moving it asks for the chain as of that date (and puts the date in the address).
 */
export async function showSupplyChain(controller: string, asOf: string | null): Promise<void> {
  const { supplyChain } = await gql<{
    supplyChain: { entrustments: { from: string | null; to: string | null }[] };
  }>(CHAIN_DATES, { controller });
  const stops = timelineStops(supplyChain.entrustments);
  const timeline = byId('timeline');
  if (stops.length === 0) {
    timeline.replaceChildren(
      h('p', {}, 'No entrustment in this chain has dates: it never changes.'),
    );
    return drawChain(controller, asOf);
  }
  const index = stopFor(stops, asOf);
  const slider = h('input', {
    type: 'range',
    id: 'asof-slider',
    min: '0',
    max: String(stops.length - 1),
    step: '1',
    value: String(index),
    'aria-label': 'As of date',
  });
  const label = h('output', { id: 'asof-label', for: 'asof-slider' }, stops[index]);
  const marks = h(
    'ol',
    { class: 'stops', 'aria-label': 'Dates where the chain changes' },
    ...stops.map((s) => h('li', {}, s)),
  );
  timeline.replaceChildren(h('label', { for: 'asof-slider' }, 'As of '), slider, label, marks);
  slider.addEventListener('change', () => {
    const date = stops[Number(slider.value)];
    label.textContent = date;
    const url = new URL(location.href);
    url.searchParams.set('asOf', date);
    history.replaceState(null, '', url);
    const field = document.querySelector<HTMLInputElement>(
      'form.query input[name="asOf"]:not([aria-label^="Concentration"])',
    );
    if (field) field.value = date;
    drawChain(controller, date).catch((error: Error) => status(error.message, 'error'));
  });
  slider.addEventListener('input', () => {
    label.textContent = stops[Number(slider.value)];
  });
  return drawChain(controller, asOf ?? stops[index]);
}
