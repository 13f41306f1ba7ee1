import fc from 'fast-check';
import t from 'tap';
import { Int32List, widened } from '../../src/domain/int-list.js';

t.test(
  'an Int32List holds what was pushed, in order, past its first room and after a clear',
  (t) => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 8 }),
        (values, room) => {
          const list = new Int32List(room);
          for (const v of values) list.push(v);
          const first = Array.from(list.copy());
          const atEach = values.map((_, i) => list.at(i));
          list.clear();
          list.push(7);
          return (
            JSON.stringify(first) === JSON.stringify(values) &&
            JSON.stringify(atEach) === JSON.stringify(values) &&
            list.length === 1 &&
            list.at(0) === 7
          );
        },
      ),
    );
    t.pass('checked on random lists (fast-check)');
    t.end();
  },
);

t.test('widened doubles until the index fits, keeps the entries and zeroes the rest', (t) => {
  const grown = widened(Int32Array.from([5, -1, 3]), 9);
  t.equal(grown.length, 12);
  t.same(Array.from(grown), [5, -1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const bytes = widened(Uint8Array.from([1]), 0);
  t.ok(bytes instanceof Uint8Array);
  t.same(Array.from(bytes), [1], 'an index already in it: the same entries');
  t.end();
});
