import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import t, { type Test } from 'tap';
import { loadConfig } from '../../src/config.js';
import type { Entrustment, Party, RegisterBatch } from '../../src/domain/model.js';
import { supplyChain } from '../../src/domain/supply-chain.js';
import { openNeo4jStore } from '../../src/store/neo4j/index.js';
import { tempStore } from '../helpers/app.js';
import { chainRegister } from '../helpers/large-register.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { entrustmentRecord, partyRecord } from '../helpers/records.js';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';
import { storeContract } from './store-contract.js';

// Large imports on Neo4j are staged (cypher/README.md, "Large imports"): what they add is written
// under Pending labels in transactions of its own while one transaction holds the write lock, and
// that transaction publishes everything at its commit. Here every write is staged, and the promises
// are checked from outside: readers never see half an import, an import that dies leaves nothing
// visible and releases the lock, and the next import clears what it staged.

// Several imports of tens of thousands of records, and a CLI that compiles as it starts: minutes
// on a loaded 2-core machine.
t.setTimeout(600_000);

const skip = neo4jSkip('staged imports');
if (!skip) {
  const cfg = loadConfig({ ...process.env, STORE: 'neo4j' }).neo4j!;
  // Small staging transactions, so a few thousand records take several.
  const PER_STAGE = 500;
  const staging = { ...cfg, stageImportsFrom: 1, recordsPerStage: PER_STAGE };

  await t.test('the store contract on Neo4j with every write staged', (t) =>
    storeContract(t, () => openNeo4jStore(staging)),
  );

  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password));
  t.teardown(() => driver.close());
  // What a Neo4j user sees of an import in progress, in Browser: the nodes it has staged so far.
  const stagedWith = async (prefix: string) => {
    const { records } = await driver.executeQuery(
      'MATCH (n:Pending) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n',
      { prefix },
      { database: cfg.database },
    );
    return (records[0]!.get('n') as { toNumber(): number }).toNumber();
  };

  /** A chain of `n` companies, each entrusting the next the data it was entrusted (under the one before). */
  const chain = (p: string, n: number): RegisterBatch => {
    const party = (i: number): Party => partyRecord(`${p}${i}`, { name: `取引先 ${i}` });
    const entrustment = (i: number): Entrustment =>
      entrustmentRecord(`${p}e${i}`, `${p}${i}`, `${p}${i + 1}`, {
        under: i === 0 ? [] : [`${p}e${i - 1}`],
      });
    return {
      sources: [],
      incidents: [],
      parties: Array.from({ length: n }, (_, i) => party(i)),
      entrustments: Array.from({ length: n - 1 }, (_, i) => entrustment(i)),
    };
  };
  const everyId = (b: RegisterBatch) => ({
    parties: b.parties.map((x) => x.id),
    entrustments: b.entrustments.map((x) => x.id),
  });

  /** A store that stages every write, and a chain of a few staging transactions' worth, removed after the test. */
  const stagedChain = async (t: Test, tag: string) => {
    const store = await openNeo4jStore(staging);
    const p = `${tag}${randomBytes(4).toString('hex')}-`;
    const batch = chain(p, PER_STAGE + 5);
    t.teardown(async () => {
      await store.remove(everyId(batch));
      await store.close();
    });
    return { store, p, batch, before: await store.generation() };
  };

  t.test(
    'readers see nothing of a staged import until its last transaction commits, then all of it',
    async (t) => {
      const { store, p, batch, before } = await stagedChain(t, 'st');
      const seen: Array<{
        done: number;
        generation: number;
        parties: number;
        into: number;
        staged: number;
      }> = [];
      // A small write sent while the import stages waits for it: it neither interleaves nor fails.
      const small = chain(`${p}small-`, 2);
      t.teardown(() => store.remove(everyId(small)));
      let queued: Promise<void> | undefined;
      await store.upsert(batch, async (done, total) => {
        if (done === total) return;
        queued ??= store.upsert(small);
        // The import waits for this: what any reader would see between two staging transactions.
        const [generation, parties, into, staged] = await Promise.all([
          store.generation(),
          store.parties([`${p}0`, `${p}${PER_STAGE}`, small.parties[0]!.id]),
          store.entrustmentsInto([`${p}1`]),
          stagedWith(p),
        ]);
        seen.push({ done, generation, parties: parties.length, into: into.length, staged });
      });
      t.ok(
        seen.length >= 2,
        `staged in several transactions (${seen.map((s) => s.done).join(', ')})`,
      );
      for (const s of seen) {
        t.same(
          [s.generation, s.parties, s.into],
          [before, 0, 0],
          `after ${s.done} staged: the store as before, the small write still queued`,
        );
        t.ok(s.staged > 0, 'while the staged nodes are there under their Pending labels');
      }
      await queued;
      t.equal(
        (await store.parties([small.parties[0]!.id])).length,
        1,
        'the queued write landed after the import',
      );
      t.ok(seen.at(-1)!.staged > seen[0]!.staged, 'and grow with each transaction');
      t.ok((await store.generation()) > before, 'published: the generation moved');
      t.equal(await stagedWith(p), 0, 'nothing is left staged');
      t.equal((await store.parties([`${p}0`, `${p}${PER_STAGE + 4}`])).length, 2);
      t.same(
        (await store.entrustmentsInto([`${p}1`])).map((e) => e.id),
        [`${p}e0`],
        'relationships to staged parties were drawn',
      );
      t.same(
        (await store.entrustmentsUnder([`${p}e0`])).map((e) => e.id),
        [`${p}e1`],
        'and between staged entrustments',
      );

      // Run again unchanged, it stages nothing; one changed record is written by the last transaction.
      const again: number[] = [];
      await store.upsert(batch, async () => void again.push(await stagedWith(p)));
      t.same(
        again,
        [0],
        'only the final progress: nothing staged for records stored exactly as given',
      );
      const moved = { ...batch.entrustments[3]!, contractor: `${p}0` };
      await store.upsert({
        ...batch,
        entrustments: batch.entrustments.map((e) => (e.id === moved.id ? moved : e)),
      });
      t.same(
        (await store.entrustmentsInto([`${p}0`])).map((e) => e.id),
        [moved.id],
        'the changed record is found by its new contractor',
      );
      t.same(
        (await store.entrustmentsInto([`${p}4`])).map((e) => e.id),
        [],
        'and no longer by its old one',
      );
    },
  );

  t.test(
    'a staged import draws the links inference adds between the parties it adds: supply chains as on the embedded store',
    async (t) => {
      const store = await openNeo4jStore(staging);
      const embedded = await tempStore(t, 'vc-staged-');
      const p = `si${randomBytes(4).toString('hex')}-`;
      // The controller's own data to v1; v1 to v2 and v2 to s without `under`: each performs the
      // one above by inference. v1 to x handles other data: it performs nothing of the controller's.
      const batch = chain(p, 5);
      const [ctl, v1, v2, s, x] = batch.parties.map((party) => party.id) as [
        string,
        string,
        string,
        string,
        string,
      ];
      const own = batch.entrustments[0]!;
      const made = (id: string, client: string, contractor: string, data: string[]) => ({
        ...own,
        id: `${p}${id}`,
        client,
        contractor,
        data,
        under: undefined,
      });
      batch.entrustments = [
        own,
        made('v1-v2', v1, v2, ['user.contact']),
        made('v2-s', v2, s, ['user']),
        made('v1-x', v1, x, ['user.financial']),
      ].map(({ under, ...e }) => (under === undefined ? e : { ...e, under }));
      t.teardown(async () => {
        await store.remove(everyId(batch));
        await store.close();
      });
      await store.upsert(batch);
      await embedded.upsert(batch);
      const members = async (from: Parameters<typeof supplyChain>[0]) =>
        (await supplyChain(from, ctl)).members.map((m) => [m.party, m.depth, m.link]);
      t.same(
        await members(store),
        [
          [v1, 1, 'declared'],
          [v2, 2, 'inferred'],
          [s, 3, 'inferred'],
        ],
        'down the inferred links the import drew',
      );
      t.same(await members(store), await members(embedded), 'as the embedded store answers');
    },
  );

  t.test(
    'an import that fails mid-staging writes nothing visible; the next import clears what it staged',
    async (t) => {
      const { store, p, batch, before } = await stagedChain(t, 'sf');
      await t.rejects(
        store.upsert(batch, () => {
          throw new Error('the process died here');
        }),
        { message: 'the process died here' },
      );
      t.equal(await store.generation(), before, 'no generation');
      t.same(await store.parties([`${p}0`]), [], 'no record');
      t.ok((await stagedWith(p)) > 0, 'what it staged stays, under Pending labels only');
      await store.upsert(batch);
      t.equal(await stagedWith(p), 0, 'the next import cleared it');
      t.same(
        (await store.entrustmentsInto([`${p}1`])).map((e) => e.id),
        [`${p}e0`],
        'each relationship once',
      );
      t.same(
        (await store.entrustmentsUnder([`${p}e0`])).map((e) => e.id),
        [`${p}e1`],
      );
    },
  );

  t.test(
    'a CLI import killed with SIGKILL mid-staging releases the write lock at once, and running it again converges',
    async (t) => {
      const dir = await mkdtemp(join(tmpdir(), 'vc-staged-kill-'));
      const store = await openNeo4jStore(cfg);
      const p = `sk${randomBytes(4).toString('hex')}-`;
      const n = 6 * PER_STAGE;
      const file = join(dir, 'large.yaml');
      await writeFile(file, chainRegister(p, n));
      const ids = {
        parties: Array.from({ length: n }, (_, i) => `${p}${i}`),
        entrustments: Array.from({ length: n - 1 }, (_, i) => `${p}e${i}`),
      };
      t.teardown(async () => {
        await store.remove(ids);
        await store.close();
        await rm(dir, { recursive: true, force: true });
      });
      const env = {
        STORE: 'neo4j',
        NEO4J_URI: cfg.uri,
        NEO4J_USER: cfg.user,
        NEO4J_PASSWORD: cfg.password,
        NEO4J_STAGE_IMPORTS_FROM: '1000',
        NEO4J_RECORDS_PER_STAGE: String(PER_STAGE),
        ...(cfg.database ? { NEO4J_DATABASE: cfg.database } : {}),
      };
      const cli = spawnTs('src/cli/bin.ts', ['import', file], env);
      const exited = exitOf(cli);
      const deadline = Date.now() + 240_000;
      while ((await stagedWith(p)) === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      cli.kill('SIGKILL');
      await exited;
      t.same(await store.parties([`${p}0`, `${p}${n - 1}`]), [], 'nothing of it is visible');
      // Neo4j rolled the lock's transaction back when the connection dropped: a write goes through.
      const small = chain(`${p}small-`, 2);
      await store.upsert(small);
      t.teardown(() => store.remove(everyId(small)));
      const again = await exitOf(spawnTs('src/cli/bin.ts', ['import', file], env));
      t.equal(again.code, 0, again.stderr);
      t.equal(await stagedWith(p), 0, 'nothing left staged');
      t.equal(
        (await store.parties([`${p}0`, `${p}${n - 1}`])).length,
        2,
        'the whole register, once',
      );
      t.same(
        (await store.entrustmentsInto([`${p}${n - 1}`])).map((e) => e.id),
        [`${p}e${n - 2}`],
      );
    },
  );
} else {
  t.skip(skip, () => {});
}
