import { SEARCH } from '../model/queries.js';
import { gql } from './api.js';
import { byId, h, status } from './dom.js';

interface Hit {
  id: string;
  name: string;
  aka: string[];
  kind: string;
  country: string | null;
}

/** Search over names, aka and ids; each hit offers its supply chain and a leak there. */
export function installSearch(): void {
  const form = byId<HTMLFormElement>('search-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = (form.elements.namedItem('q') as HTMLInputElement).value;
    gql<{ searchParties: Hit[] }>(SEARCH, { text, first: 20 }).then(
      ({ searchParties }) => {
        byId('search-results').replaceChildren(
          searchParties.length === 0
            ? h('p', {}, `Nothing matches “${text}”.`)
            : h(
                'ul',
                {},
                ...searchParties.map((p) =>
                  h(
                    'li',
                    {},
                    h('strong', {}, p.name),
                    ` (${p.id}${p.aka.length ? `; ${p.aka.join(', ')}` : ''}; ${p.kind}) `,
                    h(
                      'a',
                      { href: `/explorer?controller=${encodeURIComponent(p.id)}` },
                      'supply chain',
                    ),
                    ' · ',
                    h('a', { href: `/explorer?party=${encodeURIComponent(p.id)}` }, 'leak here'),
                  ),
                ),
              ),
        );
      },
      (error: Error) => status(error.message, 'error'),
    );
  });
}
