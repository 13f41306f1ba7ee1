import t, { type Test } from 'tap';
import { newKey } from '../../src/access/key-hash.js';
import { PerGeneration } from '../../src/domain/graph/per-generation.js';
import { auditDraft } from '../../src/register/audit-summary.js';
import { importRegister } from '../../src/register/import.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore } from '../helpers/app.js';
import { instrument } from '../helpers/instrumented-store.js';

// Whole-graph answers that read only entrustments (findings, concentration) outlive writes that
// touch none: a dashboard's editor adding incidents every few seconds does not make the service
// recompute findings over the whole register each time. Every other write still does. On the
// test's own store only: a shared Neo4j takes other tests' entrustments meanwhile, and the one
// thing this reads from a store, audit entries whose ids are the write generations, is the
// contract suite's (test/contract) on every store.

const p = `pgs${process.pid}`;
const register = (body: object) => JSON.stringify({ register: 1, ...body });

async function suite(t: Test, store: StorePort) {
  t.teardown(() =>
    store.remove({
      incidents: [`${p}-leak`],
      entrustments: [`${p}-a--b`, `${p}-a--c`],
      parties: [`${p}-a`, `${p}-b`, `${p}-c`],
    }),
  );
  const imported = async (body: object) => {
    const report = await importRegister(store, register(body), { actor: 'test' });
    t.ok(report.ok, JSON.stringify(report.errors));
  };
  await imported({
    parties: ['a', 'b', 'c'].map((x) => ({ id: `${p}-${x}`, name: x, kind: 'company' })),
    entrustments: [
      { id: `${p}-a--b`, client: `${p}-a`, contractor: `${p}-b`, under: [], data: ['user.name'] },
    ],
  });
  const remembered = new PerGeneration<number>(4, ['entrustments']);
  let computed = 0;
  const ask = () => remembered.get(store, 'k', async () => ++computed);

  t.equal(await ask(), 1);
  await imported({
    incidents: [{ id: `${p}-leak`, party: `${p}-b`, kind: 'misdelivery', from: '2024-01-01' }],
  });
  t.equal(await ask(), 1, 'an incident written: the answer stands');
  await imported({ parties: [{ id: `${p}-c`, name: 'renamed', kind: 'company' }] });
  t.equal(await ask(), 1, 'a party renamed: it stands');
  const { record } = await newKey(`${p}-key`, 'reader');
  await store.addApiKey(record, auditDraft('test', 'keys create', 'k'));
  await store.revokeApiKey(record.name, auditDraft('test', 'keys revoke', 'k'));
  t.equal(await ask(), 1, 'a key made and revoked: it stands');
  await imported({
    entrustments: [
      { id: `${p}-a--c`, client: `${p}-a`, contractor: `${p}-c`, under: [], data: ['user.name'] },
    ],
  });
  t.equal(await ask(), 2, 'an entrustment written: computed afresh');
  await store.upsert({ sources: [], parties: [], entrustments: [], incidents: [] });
  t.equal(await ask(), 3, 'a write with no audit entry may have touched anything: afresh');

  const everything = new PerGeneration<number>(4);
  let all = 0;
  const plain = () => everything.get(store, 'k', async () => ++all);
  t.equal(await plain(), 1);
  await imported({ parties: [{ id: `${p}-c`, name: 'again', kind: 'company' }] });
  t.equal(await plain(), 2, 'without sections, any write makes it afresh');

  // A hundred tiles ask at once after a write: each waits for the generation (and for the audit
  // entries, where the answer names sections), and all of them share one computation.
  await imported({ parties: [{ id: `${p}-c`, name: 'once more', kind: 'company' }] });
  t.same(new Set(await Promise.all(Array.from({ length: 20 }, plain))), new Set([3]));
  t.equal(all, 3, 'asks at once after a write: one computation');
  await imported({
    entrustments: [
      {
        id: `${p}-a--c`,
        client: `${p}-a`,
        contractor: `${p}-c`,
        under: [],
        data: ['user.contact.email'],
      },
    ],
  });
  t.same(new Set(await Promise.all(Array.from({ length: 20 }, ask))), new Set([4]));
  t.equal(computed, 4, 'and with sections, one computation too');

  // The overview asks the reach of twenty incidents at once after a write: one reading of the
  // audit log tells all of them that the write left their sections alone.
  const { store: counted, calls } = instrument(store);
  const perIncident = new PerGeneration<string>(64, ['entrustments']);
  const keys = Array.from({ length: 20 }, (_, k) => `incident-${k}`);
  const reachOf = (k: string) => perIncident.get(counted, k, async () => `${k}@${++computed}`);
  const before = await Promise.all(keys.map(reachOf));
  await imported({
    incidents: [{ id: `${p}-leak`, party: `${p}-c`, kind: 'misdelivery', from: '2024-02-01' }],
  });
  const audits = calls.auditLog ?? 0;
  t.same(await Promise.all(keys.map(reachOf)), before, 'an incident written: all stand');
  t.equal((calls.auditLog ?? 0) - audits, 1, 'told by one reading of the audit log');

  // So do the other answers the overview remembers, each reading other sections.
  const perParty = new PerGeneration<string>(4, ['entrustments', 'parties']);
  const holders = () => perParty.get(counted, 'holders', async () => `holders@${++computed}`);
  const heldBefore = await holders();
  await imported({
    incidents: [{ id: `${p}-leak`, party: `${p}-b`, kind: 'misdelivery', from: '2024-03-01' }],
  });
  const shared = calls.auditLog ?? 0;
  const [reachesNow, heldNow] = await Promise.all([Promise.all(keys.map(reachOf)), holders()]);
  t.same(reachesNow, before);
  t.equal(heldNow, heldBefore, 'both stand');
  t.equal((calls.auditLog ?? 0) - shared, 1, 'two remembered answers, one reading');
  await imported({ parties: [{ id: `${p}-c`, name: 'renamed again', kind: 'company' }] });
  t.not(await holders(), heldBefore, 'a party written: the answer that reads parties is afresh');
  t.same(await Promise.all(keys.map(reachOf)), before, 'the one that does not stands');
}

t.test('on the embedded store', async (t) => suite(t, await tempStore(t, 'vc-pgs-')));

// A request reads the store's generation once (its key, its ETag); an answer remembered for that
// generation then serves it without another read, which costs Neo4j a round trip each.
t.test('the generation a request read serves remembered answers', async (t) => {
  const { store, calls, reset } = instrument(await tempStore(t, 'vc-pga-'));
  const write = (id: string) =>
    importRegister(store, register({ parties: [{ id, name: id, kind: 'company' }] }), {
      actor: 'test',
    });
  await write(`${p}-x`);
  const remembered = new PerGeneration<string>(4);
  let computed = 0;
  const ask = (asked?: Promise<number>) =>
    remembered.get(store, 'k', async (g) => `${g}#${++computed}`, asked);

  const first = await store.generation();
  const answer = await ask();
  reset();
  t.equal(await ask(Promise.resolve(first)), answer, 'the same generation: the remembered answer');
  t.equal(calls.generation ?? 0, 0, 'without reading the generation again');

  await write(`${p}-y`);
  const second = await store.generation();
  t.ok(second > first);
  const newer = await ask(Promise.resolve(second));
  t.not(newer, answer, 'a newer generation: computed afresh');
  t.match(newer, new RegExp(`^${second}#`), 'under the generation asked');
  reset();
  t.equal(
    await ask(Promise.resolve(first)),
    newer,
    'a request that began before the write gets the newer answer kept, not an older one',
  );
  t.equal(calls.generation, 1, 'having read the generation now');
  t.equal(await ask(), newer, 'and the newer answer is still the one remembered');
});
