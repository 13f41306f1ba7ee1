import fc from 'fast-check';
import t from 'tap';
import { byCodeUnits, sortedOnce } from '../../src/domain/few-keys.js';
import { byLocale } from '../../src/domain/locale-order.js';

// Keys that the locale's order holds equal or close while their code units differ.
const key = fc
  .array(fc.constantFrom('a', 'A', 'ä', 'b', 'é', 'e', 'ｕ', 'ß', 'ss', 'user', '.'), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.join(''));

t.test(
  'sortedOnce orders and dedupes in place as a Set and the built-in sort do, few keys or many',
  async (t) => {
    const orders = [byCodeUnits, byLocale, (a: string, b: string) => a.length - b.length];
    fc.assert(
      fc.property(fc.array(key, { maxLength: 80 }), fc.constantFrom(...orders), (keys, order) => {
        const expected = [...new Set(keys)].sort(order);
        const copy = [...keys];
        const sorted = sortedOnce(copy, order);
        return sorted === copy && JSON.stringify(sorted) === JSON.stringify(expected);
      }),
      { numRuns: 3000 },
    );
    t.same(sortedOnce(['b', 'a', 'b', 'c', 'a']), ['a', 'b', 'c']);
    t.same(sortedOnce([]), []);
    t.pass('3,000 random lists in three orders sorted as the built-in sort sorts them');
  },
);

t.test('sortedOnce sorts a list far longer than a call may take arguments', async (t) => {
  const keys = Array.from({ length: 300_000 }, (_, i) => `k${i % 250_000}`);
  const expected = [...new Set(keys)].sort();
  const sorted = sortedOnce(keys);
  t.equal(sorted.length, 250_000);
  t.ok(
    sorted.every((key, i) => key === expected[i]),
    "in the built-in sort's order",
  );
});
