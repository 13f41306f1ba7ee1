import { performsByInference } from '../../../domain/links.js';
import type { Entrustment } from '../../../domain/model.js';
import { toDate, type Props } from '../mapping.js';

// What the Cypher import derives at every write (entrustment/infer.cypher, party/delegate.cypher),
// computed here for a bulk load by the same rules, so both ways in give the same graph.

/** [e, u] by place in `entrustments`: e performs u by inference. */
export function inferredLinks(entrustments: readonly Entrustment[]): [number, number][] {
  const into = new Map<string, number[]>();
  entrustments.forEach((u, place) => {
    const list = into.get(u.contractor);
    if (list) list.push(place);
    else into.set(u.contractor, [place]);
  });
  const links: [number, number][] = [];
  entrustments.forEach((e, place) => {
    if (e.under !== undefined) return;
    for (const upstream of into.get(e.client) ?? [])
      if (performsByInference(e, entrustments[upstream]!)) links.push([place, upstream]);
  });
  return links;
}

export interface Delegation {
  client: string;
  contractor: string;
  props: Props;
}

/** One per pair of parties with entrustments between them, as party/delegate.cypher draws it. */
export function delegations(entrustments: readonly Entrustment[]): Delegation[] {
  const pairs = new Map<string, Entrustment[]>();
  for (const e of entrustments) {
    const key = `${e.client}\u0000${e.contractor}`;
    const list = pairs.get(key);
    if (list) list.push(e);
    else pairs.set(key, [e]);
  }
  return [...pairs.values()].map((list) => {
    const open = (field: 'from' | 'to') => list.some((e) => e[field] === undefined);
    const dates = (field: 'from' | 'to') => list.map((e) => e[field]!).sort();
    const unknownData = list.some((e) => e.data.length === 0);
    return {
      client: list[0]!.client,
      contractor: list[0]!.contractor,
      props: {
        from: open('from') ? null : toDate(dates('from')[0]!),
        to: open('to') ? null : toDate(dates('to').at(-1)!),
        data: unknownData ? null : [...new Set(list.flatMap((e) => e.data))].sort(),
      },
    };
  });
}
