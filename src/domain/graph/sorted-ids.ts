// Ids kept sorted in code-unit order (the order of sort()): found by binary search, merged without
// sorting again. Root-controller lists run to thousands below a hub, entrustment ids to millions.

/** Where `id` is, or would go, in the sorted `list`. */
export function sortedIndex(list: readonly string[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const sortedIncludes = (list: readonly string[], id: string): boolean =>
  list[sortedIndex(list, id)] === id;

/** Two sorted lists merged, without repeats, or one of them when it holds both. */
export function mergeSorted(a: readonly string[], b: readonly string[]): readonly string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  if (out.length === a.length) return a;
  if (out.length === b.length) return b;
  return out;
}
