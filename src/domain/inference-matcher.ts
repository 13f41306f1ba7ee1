import { asSet, overlaps } from './categories.js';
import type { Entrustment } from './model.js';

/**
 * performsByInference (links.ts) for a whole graph at once, by position: the rule is the same,
 * but periods and data are read from flat arrays and data overlap is decided once per pair of
 * distinct data lists. On a million entrustments whose records have many shapes, reading the
 * objects themselves in the inner loop costs several times more.
 */
export function inferenceMatcher(entrustments: readonly Entrustment[]): (e: number, u: number) => boolean {
  const from = entrustments.map((x) => x.from ?? '');
  const to = entrustments.map((x) => x.to ?? '');
  const unknownUnder = Uint8Array.from(entrustments, (x) => (x.under === undefined ? 1 : 0));
  const client = entrustments.map((x) => x.client);
  const contractor = entrustments.map((x) => x.contractor);
  const lists: (readonly string[])[] = [];
  const listIds = new Map<string, number>();
  const list = Int32Array.from(entrustments, (x) => {
    const key = x.data.join(',');
    let id = listIds.get(key);
    if (id === undefined) {
      listIds.set(key, (id = lists.length));
      lists.push(x.data);
    }
    return id;
  });
  const overlapOf = new Map<number, boolean>();
  const dataOverlap = (a: number, b: number): boolean => {
    const key = a * lists.length + b;
    let answer = overlapOf.get(key);
    if (answer === undefined) overlapOf.set(key, (answer = overlaps(asSet(lists[a]), asSet(lists[b]))));
    return answer;
  };
  // An empty string is an open end; ISO dates compare as strings.
  const intersect = (e: number, u: number): boolean =>
    (from[e] === '' || to[u] === '' || from[e]! < to[u]!) && (from[u] === '' || to[e] === '' || from[u]! < to[e]!);
  return (e, u) => unknownUnder[e] === 1 && contractor[u] === client[e] && e !== u && intersect(e, u) && dataOverlap(list[e]!, list[u]!);
}
