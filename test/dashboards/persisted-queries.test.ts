import { createHash } from 'node:crypto';
import t from 'tap';
import { persistedQueries } from '../../src/dashboards/persisted-queries.js';

// The stored queries are bounded in bytes as well as in number: a client registering long
// queries cannot grow the service's memory past PERSISTED_QUERIES_MAX_BYTES.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
type Store = {
  saveQuery(hash: string, query: string): Promise<void>;
  getQueryFromHash(hash: string): Promise<string>;
};

t.test('bounded in bytes: the least recently used go first', async (t) => {
  const provider = persistedQueries({ maxQueries: 100, maxBytes: 250 }) as unknown as Store;
  const query = (n: number) =>
    `{ stats { parties } } # ${String(n).padStart(3, '0')} ${'x'.repeat(70)}`;
  const kept = async (n: number) =>
    provider.getQueryFromHash(sha256(query(n))).then(
      () => true,
      () => false,
    );
  t.equal(Buffer.byteLength(query(1)), 98, 'each query is 98 bytes: two fit in 250, three do not');
  await provider.saveQuery(sha256(query(1)), query(1));
  await provider.saveQuery(sha256(query(2)), query(2));
  t.same([await kept(1), await kept(2)], [true, true], 'two fit');
  await provider.saveQuery(sha256(query(3)), query(3));
  t.same(
    [await kept(1), await kept(2), await kept(3)],
    [false, true, true],
    'a third pushes out the one used least recently',
  );
  await provider.saveQuery(sha256('x'.repeat(300)), 'x'.repeat(300));
  t.notOk(
    await provider.getQueryFromHash(sha256('x'.repeat(300))).then(
      () => true,
      () => false,
    ),
    'a query larger than the whole bound is not kept',
  );
  await t.rejects(provider.getQueryFromHash(sha256(query(1))), {
    message: 'PersistedQueryNotFound',
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
  });
});
