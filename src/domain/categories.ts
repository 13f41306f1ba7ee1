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

/** Drop keys already covered by a more general key of the same set. */
export function minimize(keys: Iterable<string>): string[] {
  const sorted = [...new Set(keys)].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const kept: string[] = [];
  for (const k of sorted) if (!kept.some((g) => covers(g, k))) kept.push(k);
  return kept.sort();
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

export interface Taxonomy {
  /** 'known', 'deprecated' (with replacement), 'custom' (a child of a known key) or 'unknown'. */
  classify(
    key: string,
  ): { status: 'known' | 'custom' | 'unknown' } | { status: 'deprecated'; replacedBy: string };
}

let cached: Taxonomy | undefined;

export function loadTaxonomy(): Taxonomy {
  if (cached) return cached;
  const known = new Set(fideslangKeys);
  const replaced = new Map(fideslangReplacements);
  cached = {
    classify(key) {
      const r = replaced.get(key);
      if (r) return { status: 'deprecated', replacedBy: r };
      if (known.has(key)) return { status: 'known' };
      const dot = key.lastIndexOf('.');
      if (dot > 0 && known.has(key.slice(0, dot)) && !replaced.has(key.slice(0, dot)))
        return { status: 'custom' };
      return { status: 'unknown' };
    },
  };
  return cached;
}
