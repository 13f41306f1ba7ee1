import { randomBytes } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import t, { type Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { crossBorder } from '../../src/domain/cross-border.js';
import { groupExposure } from '../../src/domain/group-exposure.js';
import { resolveLeak } from '../../src/domain/leak.js';
import type { Entrustment, Party, RegisterBatch } from '../../src/domain/model.js';
import { redelegationFindings } from '../../src/domain/redelegation.js';
import { supplyChain, supplyChainMembers } from '../../src/domain/supply-chain.js';
import { defaultSecurity } from '../../src/security-config.js';
import { openStore } from '../../src/store/open.js';
import type { StorePort } from '../../src/store/port.js';
import { gql, tempStore } from '../helpers/app.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { entrustmentRecord, partyRecord } from '../helpers/records.js';

// Each analysis costs a number of round trips to Neo4j that does not grow with the depth of the
// register: the same on a chain of 4 levels as on one of 30 or 60. A blast radius is the
// exception: it reads narrowly, a round per level where its paths meet parties not yet read. Counted on the driver the store
// uses (every query its read transactions run), so a level-by-level walk fails here.

const skip = neo4jSkip('round trips per analysis');

/** The Neo4j store under test, closed when `t` ends. */
async function neo4jStore(t: Test): Promise<StorePort> {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  return store;
}

/** Writes `batch` to `store`, removed again when `t` ends. */
async function written(t: Test, store: StorePort, batch: RegisterBatch): Promise<void> {
  await store.upsert(batch);
  t.teardown(() =>
    store.remove({
      parties: batch.parties.map((x) => x.id),
      entrustments: batch.entrustments.map((e) => e.id),
    }),
  );
}

/**
 * A controller entrusting v1, each vi entrusting v(i+1) (declared and inferred in turn), a
 * service run by the deepest; each vi a subsidiary of v(i-1), so the group is as deep as the chain.
 */
function deepRegister(p: string, depth: number): RegisterBatch {
  const party = (id: string, extra: Partial<Party> = {}) =>
    partyRecord(p + id, { name: id, country: 'JP', ...extra });
  const entrustment = (i: number, client: string, contractor: string) =>
    entrustmentRecord(`${p}e${i}`, p + client, p + contractor, {
      reentrustment: 'forbidden',
      storage: i % 2 === 0 ? ['US'] : [],
      from: '2014-01-01',
      ...(i === 1 ? { under: [] } : i % 2 === 0 ? { under: [`${p}e${i - 1}`] } : {}),
    });
  const parties = [party('ctl', { kind: 'municipality' })];
  const entrustments: Entrustment[] = [];
  for (let i = 1; i <= depth; i++) {
    parties.push(party(`v${i}`, i > 1 ? { parent: `${p}v${i - 1}` } : {}));
    entrustments.push(entrustment(i, i === 1 ? 'ctl' : `v${i - 1}`, `v${i}`));
  }
  parties.push(party('svc', { kind: 'service', operator: `${p}v${depth}` }));
  entrustments.push(entrustment(depth + 1, `v${depth}`, 'svc'));
  return { sources: [], parties, entrustments, incidents: [] };
}

/**
 * Counts the queries the driver under `store` runs: auto-commit queries (how the store reads) and
 * those of managed transactions (how it reads again after a passing failure). The write
 * generation, which every request reads whatever it asks (the caches' key), apart.
 */
function countQueries(store: StorePort) {
  const driver = Reflect.get(store, 'driver') as Driver;
  const counter = { queries: 0, generations: 0 };
  const open = driver.session.bind(driver);
  driver.session = ((config) => {
    const session = open(config);
    const autoCommit = session.run.bind(session);
    session.run = ((...args: Parameters<typeof autoCommit>) => {
      if (String(args[0]).includes('AS generation')) counter.generations++;
      else counter.queries++;
      return autoCommit(...args);
    }) as typeof session.run;
    const executeRead = session.executeRead.bind(session);
    session.executeRead = ((work, txConfig) =>
      executeRead((tx: ManagedTransaction) => {
        const run = tx.run.bind(tx);
        tx.run = ((...args: Parameters<typeof run>) => {
          counter.queries++;
          return run(...args);
        }) as typeof tx.run;
        return work(tx);
      }, txConfig)) as typeof session.executeRead;
    return session;
  }) as Driver['session'];
  return counter;
}

t.test('round trips per analysis do not grow with depth', { skip }, async (t) => {
  const store = await neo4jStore(t);
  t.equal(store.kind, 'neo4j');
  const counter = countQueries(store);

  // Both written before either is measured: a write between them would make the remembered
  // findings (graph/per-generation.ts) read the audit log once more, whatever the depth.
  const writtenAt = async (depth: number) => {
    const p = `rt${randomBytes(4).toString('hex')}-`;
    await written(t, store, deepRegister(p, depth));
    return { p, depth };
  };
  const costs = async ({ p, depth }: { p: string; depth: number }) => {
    const cost: Record<string, number> = {};
    const measure = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      counter.queries = 0;
      const answer = await run();
      cost[name] = counter.queries;
      return answer;
    };
    const chain = await measure('supply chain', () => supplyChain(store, `${p}ctl`));
    t.equal(chain.members.length, depth + 1, `depth ${depth}: the chain reaches the service`);
    const findings = await measure('findings for one controller', () =>
      redelegationFindings(store, { controller: `${p}ctl` }),
    );
    t.equal(findings.length, depth, `depth ${depth}: every re-entrustment breaks its clause`);
    const abroad = await measure('cross-border', () => crossBorder(store, `${p}ctl`));
    t.equal(
      abroad.crossBorderCount,
      Math.floor((depth + 1) / 2),
      `depth ${depth}: hops stored in US`,
    );
    const group = await measure('group exposure', () => groupExposure(store, `${p}svc`));
    t.equal(group.members.length, depth, `depth ${depth}: every vi is a member`);
    t.same(
      group.controllers.map((c) => c.party),
      [`${p}ctl`],
      `depth ${depth}: the controller at the top`,
    );
    const radius = await measure('blast radius', async () =>
      blastRadius(store, await resolveLeak(store, { party: `${p}svc`, from: '2015-01-01' })),
    );
    t.same(
      radius.controllers.map((c) => c.party),
      [`${p}ctl`],
      `depth ${depth}: the leak reaches the controller`,
    );
    return cost;
  };

  const [four, thirty, sixty] = [await writtenAt(4), await writtenAt(30), await writtenAt(60)];
  const shallow = await costs(four);
  const deep = await costs(thirty);
  const deeper = await costs(sixty);
  t.comment(JSON.stringify({ shallow, deep, deeper }));
  for (const [analysis, queries] of Object.entries(shallow)) {
    if (analysis === 'blast radius') {
      // A blast radius reads in rounds, only what its paths take (exposure/rounds.ts): one per
      // level at which it meets parties it has not read, a declared chain read ahead in one. Here
      // every other link is declared: at most one more round per two more levels.
      t.ok(
        deeper[analysis]! - deep[analysis]! <= (60 - 30) / 2 &&
          deep[analysis]! - queries <= (30 - 4) / 2,
        `${analysis}: ${queries}, ${deep[analysis]} and ${deeper[analysis]} round trips at depth 4, 30 and 60`,
      );
      continue;
    }
    t.equal(deep[analysis], queries, `${analysis}: ${queries} round trips at depth 4 and 30`);
    t.equal(deeper[analysis], queries, `${analysis}: and at depth 60`);
    t.ok(queries > 0 && queries <= 8, `${analysis}: a handful of round trips (${queries})`);
  }
});

/**
 * A leak at `hub`, entrusted by `width` resellers. An even reseller's chain is declared up to a
 * controller (reseller -> contact -> controller, own data); an odd one's first step is inferred,
 * its contact's declared, so the walk meets the odd resellers in one wide round and the declared
 * hops above them in the next. Every fifth contact handles only payment data: its path stops there.
 */
function wideRegister(p: string, width: number): RegisterBatch {
  const parties: Party[] = [];
  const entrustments: Entrustment[] = [];
  const party = (id: string) => partyRecord(p + id, { name: id, country: 'JP' });
  const entrust = (id: string, client: string, contractor: string, more: Partial<Entrustment>) =>
    entrustments.push(
      entrustmentRecord(p + id, p + client, p + contractor, { from: '2014-01-01', ...more }),
    );
  parties.push(party('hub'));
  for (let i = 0; i < width; i++) {
    parties.push(party(`r${i}`), party(`c${i}`), party(`g${i}`));
    entrust(`g${i}-c${i}`, `g${i}`, `c${i}`, {
      under: [],
      ...(i % 5 === 0 ? { data: ['user.financial'] } : {}),
    });
    entrust(`c${i}-r${i}`, `c${i}`, `r${i}`, { under: [`${p}g${i}-c${i}`] });
    entrust(`r${i}-hub`, `r${i}`, 'hub', i % 2 === 0 ? { under: [`${p}c${i}-r${i}`] } : {});
  }
  return { sources: [], parties, entrustments, incidents: [] };
}

t.test(
  'a wide round is read as two queries at once and answers as the embedded store',
  { skip },
  async (t) => {
    const store = await neo4jStore(t);
    const embedded = await tempStore(t, 'vc-wide-');
    const p = `wide${randomBytes(4).toString('hex')}-`;
    const width = 160;
    const batch = wideRegister(p, width);
    await written(t, store, batch);
    await embedded.upsert(batch);
    const counter = countQueries(store);
    let rounds = 0;
    const round = store.upstreamRound.bind(store);
    store.upstreamRound = (...args) => {
      rounds++;
      return round(...args);
    };
    const leak = { party: `${p}hub`, window: {}, data: null };
    const summary = (r: Awaited<ReturnType<typeof blastRadius>>) => ({
      controllers: r.controllers.map((c) => [c.party, c.exposure, c.data, c.pathCount]),
      stops: r.notExposedCount,
    });
    const onNeo4j = summary(await blastRadius(store, leak));
    t.ok(
      counter.queries > rounds,
      `${rounds} rounds in ${counter.queries} queries: wide ones split`,
    );
    // An odd reseller's inferred step makes its controller's exposure POSSIBLE.
    const expected = Array.from({ length: width }, (_, i) => i)
      .filter((i) => i % 5 !== 0)
      .map((i) => [`${p}g${i}`, i % 2 === 0 ? 'CONFIRMED' : 'POSSIBLE']);
    const byParty = (rows: unknown[][]) =>
      rows.map(([party, exposure]) => [party, exposure]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    t.same(
      byParty(onNeo4j.controllers),
      byParty(expected),
      'every controller above a contact sharing the data, none more',
    );
    t.same(onNeo4j, summary(await blastRadius(embedded, leak)), 'the embedded store answers alike');
  },
);

t.test(
  'a request reads the write generation once (a leak once more after its walk), and a leak reads its stops only to show them',
  { skip },
  async (t) => {
    const store = await neo4jStore(t);
    const p = `ask${randomBytes(4).toString('hex')}-`;
    await written(t, store, wideRegister(p, 10));
    const app = await buildApp({ store });
    t.teardown(() => app.close());
    const counter = countQueries(store);
    const ask = async (shown: string) => {
      counter.queries = counter.generations = 0;
      const { data, errors } = await gql(
        app,
        `query($p: ID!) { blastRadius(party: $p) { notExposedCount controllers { party { id } } ${shown} } }`,
        { p: `${p}hub` },
      );
      t.notOk(errors, JSON.stringify(errors));
      return { answer: data.blastRadius, queries: counter.queries, reads: counter.generations };
    };

    const first = await ask('');
    t.equal(first.answer.controllers.length, 8, 'the controllers above contacts sharing the data');
    t.equal(first.answer.notExposedCount, 2, 'and the two contacts of payment data only');
    t.equal(first.reads, 2, 'the generation: when the request began and after the walk');
    const again = await ask('');
    t.same(again.answer, first.answer, 'asked again: the same answer');
    t.equal(again.reads, 1, 'from what the request read, without the walk or its check');
    const shown = await ask('notExposed { hops { id } }');
    t.equal(shown.answer.notExposed.length, 2);
    t.equal(shown.answer.notExposedCount, 2);
    t.equal(
      shown.queries,
      again.queries + 1,
      `the stops' records read when shown, not otherwise (${again.queries} queries without)`,
    );

    // So do the analyses of a chain, whose parties (remembered per generation) are read anew
    // only when a write touched them. g1's chain: c1, r1 and the hub; no hop records where its
    // data is, so each is a cross-border hop whose location is not recorded.
    const chainOf = `controller: "${p}g1"`;
    for (const [analysis, query, size] of [
      ['supply chain', `{ supplyChain(${chainOf}) { members { party { id country } } } }`, 3],
      [
        'cross-border',
        `{ crossBorder(${chainOf}) { controller { id } hops { entrustment { id } } } }`,
        3,
      ],
    ] as const) {
      for (const time of ['first', 'again']) {
        counter.generations = 0;
        const { data, errors } = await gql(app, query);
        t.notOk(errors, JSON.stringify(errors));
        const answer = data.supplyChain?.members ?? data.crossBorder.hops;
        t.equal(answer.length, size, `${analysis}, ${time}: the answer`);
        t.equal(counter.generations, 1, `${analysis}, ${time}: the generation read once`);
      }
    }
  },
);

/**
 * Counts the stages in which `store` reads: a read that starts while none is on its way begins
 * one. Reads started together (Promise.all) are one stage, whatever their replies' order.
 */
function countStages(store: StorePort) {
  const counter = {
    stages: 0,
    reads: [] as Array<{ query: string; stage: number; params: unknown }>,
  };
  let onTheirWay = 0;
  const read = Reflect.get(store, 'read') as (...args: unknown[]) => Promise<unknown>;
  Reflect.set(store, 'read', (...args: unknown[]) => {
    if (onTheirWay++ === 0) counter.stages++;
    counter.reads.push({ query: String(args[0]), stage: counter.stages, params: args[1] });
    const ended = () => void onTheirWay--;
    const reply = read.apply(store, args);
    reply.then(ended, ended);
    return reply;
  });
  return counter;
}

t.test(
  // Cross-border reads its members' parties the same way, through the parties remembered per
  // generation: its stages depend on other test files' writes to the same database meanwhile.
  "a chain's parties are read beside its records, and whether findings go to the thread is read once per generation",
  { skip },
  async (t) => {
    const store = await neo4jStore(t);
    const p = `beside${randomBytes(4).toString('hex')}-`;
    await written(t, store, wideRegister(p, 10));
    const counter = countStages(store);
    const stagesOf = async (run: () => Promise<unknown>) => {
      counter.stages = 0;
      await run();
      return counter.stages;
    };
    const controller = `${p}g1`;
    let partiesRead: string[] = [];
    const alone = await stagesOf(() => supplyChain(store, controller));
    const withParties = await stagesOf(() =>
      supplyChain(store, controller, undefined, async (ids) => {
        partiesRead = [...ids].sort();
        return store.parties(ids);
      }),
    );
    t.equal(alone, 2, 'a chain alone: the controller with the sub-graph below it, then records');
    t.equal(withParties, alone, "and its members' parties in no stage of their own");
    t.same(partiesRead, [`${p}c1`, `${p}hub`, `${p}r1`], 'every member, the controller not');
    const full = await supplyChain(store, controller);
    counter.reads = [];
    const membersAlone = await stagesOf(() =>
      supplyChainMembers(store, controller, undefined, (ids) => store.parties(ids)),
    );
    t.equal(membersAlone, 2, 'its members alone: the sub-graph below, then their parties');
    t.same(
      counter.reads.map((r) => r.query).filter((q) => q.startsWith('entrustment/get')),
      [],
      'and no record read',
    );
    const walked = await supplyChainMembers(store, controller);
    t.same(
      walked.members,
      full.members.map(({ countries: _, ...member }) => member),
      'the same members as the chain read with its records',
    );

    // Findings on a worker thread from the first entrustment: the service reads whether to go
    // there on every ask, as it does at national scale.
    const app = await buildApp({
      store,
      security: { ...defaultSecurity(), wholeGraphWorkerFrom: 1 },
    });
    t.teardown(() => app.close());
    const queries = countQueries(store);
    const findings = `{ redelegationFindings(controller: "${controller}") { id rule } }`;
    // Other test files write to the same database: asked again until no write came between.
    for (let tries = 1; ; tries++) {
      const before = await store.generation();
      const first = await gql(app, findings);
      t.notOk(first.errors, JSON.stringify(first.errors));
      queries.queries = queries.generations = 0;
      const again = await gql(app, findings);
      const counted = { ...queries };
      if ((await store.generation()) !== before && tries < 5) continue;
      t.same(again.data, first.data, 'asked again: the same findings');
      t.equal(counted.queries, 0, 'from the answers remembered: no query, not even a count');
      t.equal(counted.generations, 1, 'and the generation read once, when the request began');
      break;
    }
  },
);

t.test(
  "a leak's party is not read when its walk read an entrustment to it, and an unknown one is still an error",
  { skip },
  async (t) => {
    const store = await neo4jStore(t);
    const p = `checked${randomBytes(4).toString('hex')}-`;
    await written(t, store, wideRegister(p, 4));
    const app = await buildApp({ store, security: defaultSecurity() });
    t.teardown(() => app.close());
    const counter = countStages(store);
    const asked = await gql(
      app,
      `{ blastRadius(party: "${p}hub", from: "2015-01-01") { controllers { party { id } } } }`,
    );
    t.notOk(asked.errors, JSON.stringify(asked.errors));
    t.ok(asked.data.blastRadius.controllers.length > 0, 'the leak reaches controllers');
    const partiesRead = counter.reads
      .filter((r) => r.query === 'party/get-many')
      .flatMap((r) => (r.params as { ids: string[] }).ids);
    t.ok(partiesRead.length > 0, "the controllers' parties were read");
    t.notOk(partiesRead.includes(`${p}hub`), 'the leaking party was not read: its walk shows it');

    counter.reads.length = 0;
    const unknown = await gql(
      app,
      `{ blastRadius(party: "${p}nobody") { controllers { party { id } } } }`,
    );
    t.equal(unknown.data, null, 'no answer for a party the register does not hold');
    t.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    t.match(unknown.errors?.[0]?.message, `${p}nobody`, 'the error names the party');
    t.ok(
      counter.reads.some(
        (r) =>
          r.query === 'party/get-many' &&
          (r.params as { ids: string[] }).ids.includes(`${p}nobody`),
      ),
      'a party its walk read nothing into is read to be checked',
    );
  },
);
