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
import { replaceAddress, today, w } from './lang.js';
import { renderList } from './list-view.js';

interface ChainData {
  supplyChain: ChainAnswer;
  redelegationFindings: Finding[];
  certificationAlerts: CertificationAlert[];
}

/** The side panel's counts: a hop whose location is not recorded is not counted as abroad. */
function chainSummary(data: ChainData, crossBorder: CrossBorderAnswer | null): HTMLElement {
  const hops = crossBorder?.hops ?? [];
  const abroad = hops.filter((x) => x.stored.length + x.accessed.length > 0).length;
  const unknown = hops.filter((x) => x.locationUnknown).length;
  const rows: [string, string][] = [
    [w.findingsTerm, w.number(data.redelegationFindings.length)],
    [w.certAlertsTerm, w.number(data.certificationAlerts.length)],
    [w.crossBorderTerm, crossBorder ? w.number(abroad) : w.noCountry],
    [w.locationUnknownTerm, crossBorder ? w.number(unknown) : w.noCountry],
  ];
  return h('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

// The slider can move again before an answer arrives: only the latest answer is drawn.
let latest = 0;

async function drawChain(controller: string, asOf: string, isToday: boolean): Promise<void> {
  const asked = ++latest;
  status(w.askingChain(asOf));
  const [data, crossBorder] = await Promise.all([
    gql<ChainData>(SUPPLY_CHAIN, { controller, asOf }),
    // A controller without a country has no cross-border answer; the chain is drawn all the same.
    gql<{ crossBorder: CrossBorderAnswer }>(CROSS_BORDER, { controller, asOf }).then(
      (d) => d.crossBorder,
      () => null,
    ),
  ]);
  if (asked !== latest) return;
  const graph = buildChainGraph(
    data.supplyChain,
    data.redelegationFindings,
    data.certificationAlerts,
    crossBorder,
    w,
  );
  byId('view-title').textContent = w.chainTitle(
    partyLabel(data.supplyChain.controller),
    asOf,
    isToday,
  );
  const details = byId('details');
  const onSelect = (id: string) => {
    select(id);
    const element = graph.nodes.find((n) => n.id === id) ?? graph.edges.find((e) => e.id === id);
    const findings = data.redelegationFindings.filter((f) => f.entrustment.id === id);
    details.replaceChildren(
      h('p', {}, element?.detail ?? id),
      ...findings.map((f) =>
        h(
          'p',
          { class: 'finding' },
          `${w.severity[f.severity] ?? f.severity} ${w.rule[f.rule] ?? f.rule}: ${f.explanation}`,
        ),
      ),
    );
  };
  draw(graph, `supply-chain-${controller}-${asOf}`, onSelect);
  renderList(graph, onSelect);
  details.replaceChildren(
    h('h2', {}, w.chainFactsTitle),
    chainSummary(data, crossBorder),
    h('p', {}, w.clickParty),
  );
  status(w.chainSummary(graph.nodes.length - 1));
}

/**
 * The chain with a timeline: its stops are the dates where the chain changes, the date asked
 * for (today when none was) and today. Moving the slider asks for the chain as of that date and puts the
 * date in the address, so heading, slider and address always name the same date.
 */
export async function showSupplyChain(controller: string, asked: string | null): Promise<void> {
  const now = today();
  const asOf = asked ?? now;
  const { supplyChain } = await gql<{
    supplyChain: { entrustments: { from: string | null; to: string | null }[] };
  }>(CHAIN_DATES, { controller });
  const stops = timelineStops(supplyChain.entrustments, asOf, now);
  const index = stopFor(stops, asOf);
  const slider = h('input', {
    type: 'range',
    id: 'asof-slider',
    min: '0',
    max: String(stops.length - 1),
    step: '1',
    value: String(index),
    'aria-valuetext': stops[index],
  });
  const label = h('output', { id: 'asof-label', for: 'asof-slider' }, stops[index]);
  const marks = h(
    'ol',
    { class: 'stops', 'aria-label': w.changeDates },
    ...stops.map((s) => h('li', s === now ? { class: 'today' } : {}, s === now ? w.todayIs(s) : s)),
  );
  byId('timeline').replaceChildren(
    h('label', { for: 'asof-slider' }, w.asOf),
    slider,
    label,
    marks,
  );
  const show = (i: number) => {
    label.textContent = stops[i];
    slider.setAttribute('aria-valuetext', stops[i]);
  };
  slider.addEventListener('change', () => {
    const date = stops[Number(slider.value)];
    show(Number(slider.value));
    const url = new URL(location.href);
    url.searchParams.set('asOf', date);
    replaceAddress(url);
    const field = document.querySelector<HTMLInputElement>('form.query input[name="asOf"]');
    if (field) field.value = date;
    drawChain(controller, date, date === now).catch((error: Error) =>
      status(error.message, 'error'),
    );
  });
  slider.addEventListener('input', () => show(Number(slider.value)));
  return drawChain(controller, asOf, asOf === now);
}
