import type { Party } from './model.js';
import type { StorePort } from '../store/port.js';
import { BadInputError } from '../errors.js';
import { checkPageSize } from './page-size.js';

export const MAX_SEARCH_RESULTS = 100;
const MAX_TEXT = 200;
const PAGE = 500;

// NFKC folds full-width letters and digits (Ｔａｋｅｏ, ２０１４) and half-width kana into the
// forms people type; lower-casing then makes English names case-blind. Japanese has no case.
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** 0: exact id or name, 1: a name or id starts with the text, 2: contains it; null: no match. */
function rank(party: Party, text: string): number | null {
  const names = [party.name, ...party.aka].map(fold);
  const id = party.id.toLowerCase();
  if (id === text || names.includes(text)) return 0;
  if (id.startsWith(text) || names.some((n) => n.startsWith(text))) return 1;
  if (id.includes(text) || names.some((n) => n.includes(text))) return 2;
  return null;
}

/**
 * Parties whose id, name or aka contain `text`, best matches first (exact, prefix, substring;
 * then by id). Reads parties through the port's scan, a page at a time: parties are few next
 * to entrustments, and this keeps every store on the same contract.
 */
export async function searchParties(
  store: StorePort,
  rawText: string,
  first: number,
): Promise<Party[]> {
  const text = fold(rawText);
  if (text.length === 0) throw new BadInputError('text', 'must contain something to search for');
  if (text.length > MAX_TEXT)
    throw new BadInputError('text', `must be at most ${MAX_TEXT} characters`);
  checkPageSize(first, MAX_SEARCH_RESULTS);
  const hits: { party: Party; rank: number }[] = [];
  for (let cursor: string | null = null; ;) {
    const page = await store.scanParties(cursor, PAGE);
    for (const party of page) {
      const r = rank(party, text);
      if (r !== null) hits.push({ party, rank: r });
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1].id;
  }
  hits.sort((a, b) => a.rank - b.rank || a.party.id.localeCompare(b.party.id));
  return hits.slice(0, first).map((h) => h.party);
}
