import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { riskSuite } from '../helpers/risk-suite.js';

const dir = await mkdtemp(join(tmpdir(), 'vc-risk-'));
const store = await openEmbeddedStore(dir);
t.teardown(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});
await riskSuite(t, store);
