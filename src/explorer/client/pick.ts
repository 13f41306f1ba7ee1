import { SEARCH } from '../model/queries.js';
import { gql } from './api.js';
import { byId, h, status } from './dom.js';
import { explorerHref, w } from './lang.js';

interface Hit {
  id: string;
  name: string;
  aka: string[];
  kind: string;
  country: string | null;
}

const search = (text: string, first = 10) =>
  gql<{ searchParties: Hit[] }>(SEARCH, { text, first }).then((d) => d.searchParties);

const hitLabel = (p: Hit) => [p.name, ...p.aka, p.kind].join(' · ');

/** The hits of a search, each with the two pictures a party has: its chain, and a leak there. */
function renderHits(text: string, hits: Hit[]): void {
  byId('search-results').replaceChildren(
    hits.length === 0
      ? h('p', { class: 'no-hits' }, w.noMatch(text))
      : h(
          'section',
          { 'aria-label': w.searchResults(text) },
          h('h2', {}, w.searchResults(text)),
          h(
            'ul',
            {},
            ...hits.map((p) =>
              h(
                'li',
                {},
                h('strong', {}, p.name),
                ` (${p.id}${p.aka.length ? `; ${p.aka.join(', ')}` : ''}; ${p.kind}) `,
                h('a', { href: explorerHref({ controller: p.id }) }, w.showChain),
                ' · ',
                h('a', { href: explorerHref({ party: p.id }) }, w.showLeak),
              ),
            ),
          ),
        ),
  );
}

export function showSearch(text: string): void {
  search(text, 20).then(
    (hits) => renderHits(text, hits),
    (error: Error) => status(error.message, 'error'),
  );
}

/**
 * A party box: suggestions over names, aka and ids while typing (a datalist, so the keyboard and
 * screen readers work as with any input); on submit, a name that finds one party becomes its id,
 * a name that finds several offers them, so the address always holds an id.
 */
function installPartyBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[list]')!;
  const list = byId<HTMLDataListElement>(input.getAttribute('list')!);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: Hit[] = [];
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 1) return;
    timer = setTimeout(() => {
      search(text).then(
        (hits) => {
          last = hits;
          list.replaceChildren(
            ...hits.map((p) => h('option', { value: p.id, label: hitLabel(p) })),
          );
        },
        () => undefined,
      );
    }, 150);
  });
  form.addEventListener('submit', (event) => {
    const text = input.value.trim();
    if (last.some((p) => p.id === text)) return;
    event.preventDefault();
    search(text, 20).then(
      (hits) => {
        const exact = hits.find((p) => p.id === text);
        if (exact || hits.length === 1) {
          input.value = (exact ?? hits[0]).id;
          last = hits;
          form.submit();
        } else renderHits(text, hits);
      },
      (error: Error) => status(error.message, 'error'),
    );
  });
}

export function installPickers(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-pick="party"]'))
    installPartyBox(form);
}
