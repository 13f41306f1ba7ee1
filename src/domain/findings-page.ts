import { BadInputError } from '../errors.js';
import type { Finding } from './redelegation.js';
import { checkPageSize } from './page-size.js';

// Whole-register findings run to 164k on a 10k-party graph (13.6 MB of JSON): one answer that
// long holds the service's event loop for seconds while it is written out, so an answer holds at
// most `max` findings, and longer lists are read in pages.

export interface FindingsPage {
  /** How many findings (absent: all, when they are at most `max`). */
  first?: number | null;
  /** The id of the last finding of the previous page. */
  after?: string | null;
}

/** A finding's id: one finding per (entrustment, upstream, rule). */
export const findingId = (f: Pick<Finding, 'entrustment' | 'upstream' | 'rule'>): string =>
  `${f.entrustment.id}|${f.upstream.id}|${f.rule}`;

const positions = new WeakMap<readonly Finding[], Map<string, number>>();

function positionOf(all: readonly Finding[], id: string): number | undefined {
  let index = positions.get(all);
  if (!index) positions.set(all, (index = new Map(all.map((f, i) => [findingId(f), i]))));
  return index.get(id);
}

/** The page of `all` (in its order) that `page` asks for; at most `max` findings. */
export function pageOfFindings(
  all: readonly Finding[],
  { first, after }: FindingsPage,
  max: number,
): Finding[] {
  if (first != null) checkPageSize(first, max);
  let start = 0;
  if (after != null) {
    const at = positionOf(all, after);
    if (at === undefined)
      throw new BadInputError(
        'after',
        `no finding "${after}" in this answer: the register changed since that page was read, or the id is not a finding's; start again without after`,
      );
    start = at + 1;
  }
  const left = all.length - start;
  if (first == null && left > max) {
    throw new BadInputError(
      'first',
      `${left.toLocaleString('en')} findings are more than one answer holds (${max.toLocaleString('en')}): ask for them in pages with first (at most ${max.toLocaleString('en')}) and after (the id of the last finding of the page before), or narrow them with controller or asOf`,
    );
  }
  return all.slice(start, first == null ? undefined : start + first);
}
