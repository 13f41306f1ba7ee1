import { partyLabel, type PartyLabelled } from '../model/graph.js';
import { CONCENTRATION } from '../model/queries.js';
import { gql } from './api.js';
import { byId, h, status } from './dom.js';
import { explorerHref, today, w } from './lang.js';

export interface ConcentrationEntry {
  party: PartyLabelled;
  controllers: number;
  /** The sum of the counts the register records. */
  records: number;
  /** Entrustments whose count is not recorded: not in `records`. */
  recordsUnknown: number;
  entrustments: number;
}

/** The blast radius of a one-day leak at a party on a date: who it holds data of then. */
export function leakLink(party: string, asOf: string): string {
  const next = new Date(`${asOf}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return explorerHref({ party, from: asOf, to: next.toISOString().slice(0, 10) });
}

// An unknown count is never shown as 0, nor a partly known sum as the whole.
export const recordsText = (e: ConcentrationEntry) =>
  e.recordsUnknown >= e.entrustments
    ? w.records(null)
    : e.recordsUnknown > 0
      ? w.recordsAtLeast(e.records, e.recordsUnknown)
      : w.records(e.records);

/** The ranked parties as bars; each bar is a link to the blast radius of a leak there. */
export function concentrationBars(entries: ConcentrationEntry[], asOf: string): HTMLElement {
  const top = Math.max(1, ...entries.map((e) => e.controllers));
  return h(
    'ol',
    { class: 'bars' },
    ...entries.map((e) => {
      const bar = h('span', { class: 'bar' });
      bar.style.width = `${(100 * e.controllers) / top}%`;
      return h(
        'li',
        {},
        h(
          'a',
          { href: leakLink(e.party.id, asOf), title: w.openLeakHere },
          h('span', { class: 'bar-name' }, partyLabel(e.party)),
          bar,
          h(
            'span',
            { class: 'bar-value' },
            w.concentrationValue(e.controllers, recordsText(e), e.entrustments),
          ),
        ),
      );
    }),
  );
}

export async function showConcentration(asked: string | null): Promise<void> {
  status(w.askingConcentration);
  const asOf = asked ?? today();
  const { concentration } = await gql<{ concentration: ConcentrationEntry[] }>(CONCENTRATION, {
    asOf,
    first: 20,
  });
  byId('view-title').textContent = w.concentrationTitle(asOf, asked === null);
  byId('concentration').replaceChildren(concentrationBars(concentration, asOf));
  status(w.concentrationStatus(concentration.length));
}
