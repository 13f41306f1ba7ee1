/**
 * Sorting the few keys of one controller's answer (its subjects, its data) by insertion, in
 * place. The built-in sort allocated its work arrays on every call: made for each of a hub's 26k
 * controllers, that was a tenth of the answer's allocation. Past a few dozen keys, the built-in
 * sort is used.
 */
const FEW = 32;

/** Keys in `order`, each once (a key equal to one kept is dropped), in place. */
export function sortedOnce(
  keys: string[],
  order: (a: string, b: string) => number = byCodeUnits,
): string[] {
  if (keys.length > FEW) {
    // Copied back one by one: spread into push's arguments, a long list overflows the stack.
    const unique = [...new Set(keys)].sort(order);
    for (let i = 0; i < unique.length; i++) keys[i] = unique[i]!;
    keys.length = unique.length;
    return keys;
  }
  let kept = 0;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    let i = kept;
    while (i > 0 && order(keys[i - 1]!, key) > 0) i--;
    // Stable: a key goes after those it equals in `order`; the same key seen again is dropped.
    let seen = false;
    for (let j = i - 1; j >= 0 && order(keys[j]!, key) === 0; j--) if (keys[j] === key) seen = true;
    if (seen) continue;
    for (let j = kept; j > i; j--) keys[j] = keys[j - 1]!;
    keys[i] = key;
    kept++;
  }
  keys.length = kept;
  return keys;
}

/** The order of a sort without a comparator, for strings: by UTF-16 code units. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
