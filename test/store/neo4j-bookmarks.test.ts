import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { ImportThreads } from '../../src/register/worker/import-threads.js';
import { openStore, openStoreAt } from '../../src/store/open.js';
import { bookmarksOf, handOff } from '../../src/store/target.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// One bookmark manager across threads: a worker starts from the bookmarks of the thread that
// hands it an import, and hands its own back with the report, so the next read there sees what
// the worker wrote (on a cluster, whichever member serves it).

const skip = neo4jSkip('bookmarks shared with worker threads');

t.test('bookmarks go to a worker and come back with its import', { skip }, async (t) => {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  const p = `bm${Date.now().toString(36)}-`;
  const party = (id: string) => `  - { id: ${p}${id}, name: ${id}, kind: company }\n`;
  await store.upsert({
    sources: [],
    parties: [
      {
        id: `${p}here`,
        name: 'here',
        kind: 'company',
        aka: [],
        memberOf: [],
        certifications: [],
        confidence: 'confirmed',
        sources: [],
      },
    ],
    entrustments: [],
    incidents: [],
  });
  t.teardown(() => store.remove({ parties: [`${p}here`, `${p}there`] }));
  const mine = await bookmarksOf(store);
  t.ok(mine.length > 0, 'a write leaves a bookmark');

  const target = await handOff(store);
  t.match(target, { kind: 'neo4j', bookmarks: mine }, 'handed to another thread with the target');
  const other = await openStoreAt(target!);
  t.same(await bookmarksOf(other), mine, 'which starts from them');
  await other.close();

  const threads = new ImportThreads(0);
  t.teardown(() => threads.close());
  const report = await threads.import(
    store,
    [{ text: `register: 1\nparties:\n${party('there')}` }],
    {},
  );
  t.ok(report.ok, JSON.stringify(report.errors));
  const after = await bookmarksOf(store);
  t.notSame(after, mine, "the worker's bookmark came back with its report");
  t.equal((await store.parties([`${p}there`])).length, 1, 'and the read here sees its write');
});
