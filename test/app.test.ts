import t from 'tap';
import { buildApp } from '../src/app.js';
import { tempStore } from './helpers/app.js';

t.test('closing the app leaves its store open: the caller opened it and closes it', async (t) => {
  const store = await tempStore(t);
  const app = await buildApp({ store });
  await app.close();
  t.same(await store.counts(), { sources: 0, parties: 0, entrustments: 0, incidents: 0 });
  await t.resolves(store.ping(), 'and answers a ping');
});
