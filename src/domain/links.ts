import { asSet, overlaps } from './categories.js';
import { intersects } from './dates.js';
import type { Entrustment } from './model.js';

export type LinkKind = 'declared' | 'inferred';

/** `under` absent means the register does not say which upstream data E carries. */
export const underUnknown = (e: Pick<Entrustment, 'under'>): boolean => e.under === undefined;
export const ownData = (e: Pick<Entrustment, 'under'>): boolean =>
  e.under !== undefined && e.under.length === 0;

/** What the inference reads of an entrustment: a link line (store/link-line.ts) has it all. */
export type Linked = InferenceFields;
type InferenceFields = Pick<
  Entrustment,
  'id' | 'client' | 'contractor' | 'under' | 'data' | 'from' | 'to'
>;

/**
 * Outside a leak's walk, E performs U by inference when E's `under` is absent, U goes into E's
 * client, and their periods and data overlap (a side with no data overlaps anything).
 */
export function performsByInference(e: InferenceFields, u: InferenceFields): boolean {
  return (
    underUnknown(e) &&
    u.contractor === e.client &&
    u.id !== e.id &&
    intersects(e, u) &&
    overlaps(asSet(e.data), asSet(u.data))
  );
}

export const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
