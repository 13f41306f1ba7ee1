import { distance } from 'fastest-levenshtein';
import { sortedOnce } from './few-keys.js';
import { byLocale } from './locale-order.js';
import { fideslangKeys, fideslangReplacements } from './taxonomy/fideslang.js';

// Data categories are dotted keys; a key covers itself and every key below it.
// A category set of `null` means "unknown data": it overlaps anything (the path becomes POSSIBLE).
export type CategorySet = readonly string[] | null;

export function covers(general: string, specific: string): boolean {
  // Without building general + '.': this runs millions of times in whole-graph analyses.
  if (specific.length === general.length) return specific === general;
  return (
    specific.length > general.length &&
    specific.charCodeAt(general.length) === 46 &&
    specific.startsWith(general)
  );
}

const byLengthThenLocale = (a: string, b: string): number => a.length - b.length || byLocale(a, b);

/** Drop keys already covered by a more general key of the same set. */
export function minimize(keys: Iterable<string>): string[] {
  const sorted = sortedOnce([...keys], byLengthThenLocale);
  const kept: string[] = [];
  for (const k of sorted) if (!kept.some((g) => covers(g, k))) kept.push(k);
  return sortedOnce(kept);
}

/** Hierarchy-aware intersection: the more specific of every overlapping pair. */
export function intersect(a: CategorySet, b: CategorySet): CategorySet {
  if (a === null) return b === null ? null : minimize(b);
  if (b === null) return minimize(a);
  const out: string[] = [];
  for (const x of a)
    for (const y of b) {
      if (covers(x, y)) out.push(y);
      else if (covers(y, x)) out.push(x);
    }
  return minimize(out);
}

export function overlaps(a: CategorySet, b: CategorySet): boolean {
  if (a === null || b === null) return true;
  return a.some((x) => b.some((y) => covers(x, y) || covers(y, x)));
}

export function asSet(data: readonly string[] | undefined | null): CategorySet {
  return data && data.length > 0 ? data : null;
}

export type Verdict =
  { status: 'known' | 'custom' | 'unknown' } | { status: 'deprecated'; replacedBy: string };

export interface Taxonomy {
  /**
   * 'known' (fideslang), 'deprecated' (with its replacement), 'custom' (declared in a register)
   * or 'unknown': a typo is never taken for a custom category.
   */
  classify(key: string): Verdict;
  /** The known keys nearest to an unknown one, nearest first ("did you mean user.contact?"). */
  suggest(key: string): string[];
}

const fideslang = new Set(fideslangKeys);
const replaced = new Map(fideslangReplacements);
/** The keys a person may pick from: the taxonomy's current ones. */
export const taxonomyKeys: readonly string[] = fideslangKeys.filter((k) => !replaced.has(k));

/** The taxonomy, extended by the categories a register declares (their ids). */
export function taxonomyWith(declared: Iterable<string> = []): Taxonomy {
  const custom = new Set([...declared].filter((k) => !fideslang.has(k)));
  const candidates = [...taxonomyKeys, ...custom];
  return {
    classify(key) {
      const r = replaced.get(key);
      if (r) return { status: 'deprecated', replacedBy: r };
      if (fideslang.has(key)) return { status: 'known' };
      return { status: custom.has(key) ? 'custom' : 'unknown' };
    },
    suggest: (key) => nearest(key, candidates),
  };
}

const SUGGESTIONS = 3;

/**
 * Up to three keys within a typo's reach of `key` (edit distance), nearest first. Keys are lower
 * case, so case is not counted: USER.CONTACT is one step from user.contact, not twelve.
 */
function nearest(key: string, candidates: readonly string[]): string[] {
  const reach = Math.max(2, Math.floor(key.length / 4));
  const typed = key.toLowerCase();
  return candidates
    .map((c) => ({ c, d: distance(typed, c) }))
    .filter(({ d }) => d <= reach)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, SUGGESTIONS)
    .map(({ c }) => c);
}

/** The message for a key that is neither in the taxonomy nor declared. */
export function unknownCategoryMessage(key: string, taxonomy: Taxonomy): string {
  const near = taxonomy.suggest(key);
  const hint = near.length
    ? `did you mean ${near.join(' or ')}?`
    : 'use a fideslang key such as user.contact.email';
  return `unknown data category "${key}": neither in the fideslang taxonomy nor declared under categories; ${hint}`;
}
