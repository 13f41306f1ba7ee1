import { partyLabel, type PartyLabelled } from '../model/graph.js';
import { CONCENTRATION } from '../model/queries.js';
import { gql } from './api.js';
import { byId, h, status } from './dom.js';

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

interface Entry {
  party: PartyLabelled;
  controllers: number;
  records: number;
  entrustments: number;
}

/** The top parties as a bar chart; each bar is a link to the blast radius of a leak there. */
export async function showConcentration(asOf: string | null): Promise<void> {
  status('Asking for concentration…');
  const { concentration } = await gql<{ concentration: Entry[] }>(CONCENTRATION, {
    asOf,
    first: 20,
  });
  const top = Math.max(1, ...concentration.map((e) => e.controllers));
  const link = (e: Entry) => {
    const url = new URLSearchParams({ party: e.party.id });
    if (asOf) {
      const next = new Date(`${asOf}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      url.set('from', asOf);
      url.set('to', next.toISOString().slice(0, 10));
    }
    return `/explorer?${url}`;
  };
  byId('view-title').textContent =
    `Concentration${asOf ? ` as of ${asOf}` : ''}: who holds the most controllers' data`;
  byId('concentration').replaceChildren(
    h(
      'ol',
      { class: 'bars' },
      ...concentration.map((e) => {
        const bar = h('span', { class: 'bar' });
        bar.style.width = `${(100 * e.controllers) / top}%`;
        return h(
          'li',
          {},
          h(
            'a',
            { href: link(e), title: 'Open the blast radius of a leak here' },
            h('span', { class: 'bar-name' }, partyLabel(e.party)),
            bar,
            h(
              'span',
              { class: 'bar-value' },
              `${plural(e.controllers, 'controller')} · ${plural(e.records, 'record')} · ${plural(e.entrustments, 'entrustment')} in`,
            ),
          ),
        );
      }),
    ),
  );
  status(
    `The ${concentration.length} parties a leak would reach most controllers from. Click a bar for its blast radius.`,
  );
}
