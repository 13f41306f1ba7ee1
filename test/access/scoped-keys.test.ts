import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { run } from '../../src/cli/main.js';
import { importRegister } from '../../src/register/import.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { twoTowns } from '../helpers/scope-suite.js';

// `keys create --controllers` end to end: the CLI stores the scope with the key, and a request
// with that key is answered from the scoped view (the view itself: test/helpers/scope-suite.ts).

const dir = await mkdtemp(join(tmpdir(), 'vc-scoped-keys-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const env = { DATA_DIR: dir, STORE: 'embedded' };

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, env, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    width: 140,
  });
  return { code, out: out.join(''), err: err.join('\n') };
}

t.test(
  'a key scoped to a controller sees its chain; unknown controllers are refused',
  async (t) => {
    const seed = await openEmbeddedStore(dir);
    t.equal((await importRegister(seed, await twoTowns())).ok, true);
    await seed.close();

    const typo = await cli([
      'keys',
      'create',
      '--name',
      'town-a',
      '--role',
      'reader',
      '--controllers',
      'scope-town-a,scope-twn-b',
    ]);
    t.same(
      [typo.code, typo.err],
      [1, 'vendor-chain: --controllers: no party with id "scope-twn-b" in the store'],
    );
    const bad = await cli([
      'keys',
      'create',
      '--name',
      'town-a',
      '--role',
      'reader',
      '--controllers',
      ' , ',
    ]);
    t.match(bad.err, /^vendor-chain: --controllers: expected one or more party ids/);

    const made = await cli([
      'keys',
      'create',
      '--name',
      'town-a',
      '--role',
      'editor',
      '--controllers',
      'scope-town-a',
    ]);
    t.equal(made.code, 0, made.err);
    const key = made.out.trimEnd().split('\n').at(-1)!;
    t.match((await cli(['keys', 'list'])).out, /town-a\s+│\s+editor\s+│\s+scope-town-a/);

    const store = await openEmbeddedStore(dir);
    const app = await buildApp({ store });
    t.teardown(() => app.close());
    const ask = async (query: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { authorization: `Bearer ${key}` },
          payload: { query },
        })
      ).json();
    t.same((await ask('{ stats { parties entrustments incidents } }')).data.stats, {
      parties: 3,
      entrustments: 2,
      incidents: 1,
    });
    const other = await ask('{ supplyChain(controller: "scope-town-b") { parties { id } } }');
    t.equal(
      other.errors[0].extensions.code,
      'NOT_FOUND',
      'another controller is unknown, not forbidden',
    );
    const radius = await ask(
      '{ blastRadius(incident: "scope-cart-leak") { controllers { party { id } } } }',
    );
    t.same(radius.data.blastRadius.controllers, [{ party: { id: 'scope-town-a' } }]);
  },
);
