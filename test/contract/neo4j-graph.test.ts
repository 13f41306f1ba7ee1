import { readFile } from 'node:fs/promises';
import neo4j from 'neo4j-driver';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { inProject } from '../../src/paths.js';
import { parseRegisterText } from '../../src/register/parse.js';
import { importRegister } from '../../src/register/import.js';
import { readCypherDir } from '../../src/store/neo4j/cypher-files.js';
import { QUERIES, type QueryName } from '../../src/store/neo4j/queries.js';
import { openStore } from '../../src/store/open.js';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { resolveLeak } from '../../src/domain/leak.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// The graph as a Neo4j user meets it, on the live server: Neo4j's own planner accepts every
// adapter query, counts come from the count store, and the five queries of cypher/README.md
// answer on the demo register.

const skip = neo4jSkip('the graph model checks');

t.test('the graph on a live Neo4j', { skip }, async (t) => {
  const cfg = loadConfig({ ...process.env, STORE: 'neo4j' });
  const driver = neo4j.driver(
    cfg.neo4j!.uri,
    neo4j.auth.basic(cfg.neo4j!.user, cfg.neo4j!.password),
  );
  const store = await openStore(cfg);
  t.teardown(async () => {
    await store.close();
    await driver.close();
  });
  const run = async (text: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(text, params, { database: cfg.neo4j!.database })).records;

  await t.test("Neo4j's own planner accepts every adapter query", async (t) => {
    for (const [name, text] of await readCypherDir()) {
      if (name === 'schema') continue;
      const params = Object.fromEntries((QUERIES[name as QueryName] ?? []).map((p) => [p, null]));
      const plan = await driver.executeQuery(`EXPLAIN ${text}`, params, {
        database: cfg.neo4j!.database,
      });
      t.ok(plan.summary.plan, `${name}.cypher has a plan`);
    }
  });

  await t.test('counts are read from the count store, not by a scan', async (t) => {
    const counts = (await readCypherDir()).get('store/counts')!;
    const plan = (
      await driver.executeQuery(`EXPLAIN ${counts}`, {}, { database: cfg.neo4j!.database })
    ).summary.plan;
    const operators: string[] = [];
    const walk = (p: any) => {
      operators.push(String(p.operatorType));
      for (const child of p.children ?? []) walk(child);
    };
    walk(plan);
    t.ok(
      operators.some((o) => o.startsWith('NodeCountFromCountStore')),
      `plan: ${operators.join(', ')}`,
    );
    t.notOk(
      operators.some((o) => /Scan/.test(o)),
      'no label or node scan',
    );
  });

  await t.test("cypher/README.md's queries answer on the demo register", async (t) => {
    const demo = await readFile(inProject('examples', 'demo-register.yaml'), 'utf8');
    const report = await importRegister(store, demo);
    t.equal(report.ok, true, JSON.stringify(report.errors));
    const parsed = parseRegisterText(demo);
    const register = (parsed.ok ? parsed.value : {}) as Record<string, { id: string }[]>;
    t.teardown(() =>
      store.remove({
        sources: register.sources!.map((r) => r.id),
        parties: register.parties!.map((r) => r.id),
        entrustments: register.entrustments!.map((r) => r.id),
        incidents: register.incidents!.map((r) => r.id),
      }),
    );
    const readme = await readFile(inProject('cypher', 'README.md'), 'utf8');
    const queries = [...readme.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!);
    t.equal(queries.length, 5, 'five queries');
    const [holders, undisclosed, myNumber, reachMakeshop, group] = await Promise.all(
      queries.map((q) => run(q)),
    );

    const takeo = holders!.map((r) => r.get('holder'));
    t.ok(
      takeo.includes('cotode') && takeo.includes('makeshop'),
      `Takeo's data reaches cotode and MakeShop: ${takeo}`,
    );
    t.notOk(takeo.includes('takeo-city'), 'not itself');

    const hops = undisclosed!.map((r) => r.get('entrustment'));
    const expected = (register.entrustments as Array<{ id: string; disclosed?: boolean }>)
      .filter((e) => e.disclosed === false)
      .map((e) => e.id)
      .sort();
    t.same(hops, expected, 'exactly the register entrustments with disclosed: false');
    t.ok(hops.includes('cotode--makeshop'));

    const holdersOfIds = myNumber!.map((r) => r.get('holder') as string);
    t.ok(
      holdersOfIds.length > 0 && holdersOfIds.every((h) => typeof h === 'string'),
      `My Number holders: ${holdersOfIds}`,
    );

    const api = await blastRadius(store, await resolveLeak(store, { incident: 'makeshop-2014' }));
    t.same(
      reachMakeshop!.map((r) => r.get('controller')),
      api.controllers.map((c) => c.party).sort(),
      "the leak's controllers, as the API answers",
    );
    t.same(
      reachMakeshop!.map((r) => r.get('controller')),
      ['mishima-city', 'nishiki-town', 'takeo-city'],
      'the towns whose store ran on MakeShop before the leak ended, not those that joined after',
    );

    const members = Object.fromEntries(group!.map((r) => [r.get('member'), r.get('services')]));
    const gmo = (register.parties as Array<{ id: string; name: string; parent?: string }>)
      .filter((p) => p.parent === 'gmo-internet-group')
      .map((p) => p.name)
      .sort();
    t.same(Object.keys(members).sort(), gmo, 'the parties whose parent is the group');
    t.ok(
      Object.values(members).some((services) => (services as string[]).length > 0),
      'with the services they operate',
    );

    const chain = await run(
      "MATCH p = (:Party {id: 'takeo-city'})-[*]->(:Party {id: 'makeshop'}) RETURN [n IN nodes(p) | n.id] AS ids",
    );
    t.ok(
      chain.some(
        (r) =>
          JSON.stringify(r.get('ids')) ===
          JSON.stringify([
            'takeo-city',
            'takeo-city--cotode',
            'cotode',
            'cotode--makeshop',
            'makeshop',
          ]),
      ),
      "the issue's own query draws town → entrustment → cotode → entrustment → MakeShop",
    );
  });
});
