import t from 'tap';
import { checkPageSize, MAX_PAGE_SIZE } from '../../src/domain/page-size.js';

t.test('a page size is a whole number from 1 to the most a list holds', async (t) => {
  t.equal(checkPageSize(1), 1);
  t.equal(checkPageSize(MAX_PAGE_SIZE), MAX_PAGE_SIZE);
  t.equal(checkPageSize(100, 100), 100);
  for (const [value, max, got] of [
    [0, MAX_PAGE_SIZE, '0'],
    [-3, MAX_PAGE_SIZE, '-3'],
    [MAX_PAGE_SIZE + 1, MAX_PAGE_SIZE, String(MAX_PAGE_SIZE + 1)],
    [2.5, MAX_PAGE_SIZE, '2.5'],
    [Number.NaN, MAX_PAGE_SIZE, 'NaN'],
    [101, 100, '101'],
  ] as const)
    t.throws(() => checkPageSize(value, max), {
      code: 'BAD_USER_INPUT',
      message: `first: must be a whole number from 1 to ${max}, got ${got}`,
    });
});

t.test('the error names the argument the caller gives', async (t) => {
  t.throws(() => checkPageSize(0, 10, 'last'), {
    message: 'last: must be a whole number from 1 to 10, got 0',
    details: { argument: 'last' },
  });
});
