import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { cli as runCli } from '../helpers/cli.js';

// The outputs a small demo never reaches: a chain with no foreign hop at all, and a leak with more
// stopped hops than the answer lists.

const dir = await mkdtemp(join(tmpdir(), 'vc-cli-edge-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(args, { DATA_DIR: join(dir, 'data') });

const SPARED = 205;
const register = [
  'register: 1',
  'parties:',
  '  - { id: home-city, name: Home City, kind: municipality, country: JP }',
  '  - { id: local-vendor, name: Local Vendor, kind: company, country: JP }',
  '  - { id: saas, name: Busy SaaS, kind: service, country: JP }',
  ...Array.from(
    { length: SPARED },
    (_, i) => `  - { id: town-${i}, name: Town ${i}, kind: municipality, country: JP }`,
  ),
  'entrustments:',
  '  - { id: home-city--local-vendor, client: home-city, contractor: local-vendor, under: [], data: [user.name], from: 2020-01-01, storage: [JP], access: [JP] }',
  // Every town left the SaaS before the leak: each is a stopped hop, OUT_OF_WINDOW.
  ...Array.from(
    { length: SPARED },
    (_, i) =>
      `  - { id: town-${i}--saas, client: town-${i}, contractor: saas, under: [], data: [user.name], from: 2015-01-01, to: 2016-01-01 }`,
  ),
  'incidents:',
  '  - { id: saas-2024, party: saas, kind: unauthorized-access, from: 2024-01-01, to: 2024-02-01, data: [user.name] }',
  '',
].join('\n');
const file = join(dir, 'register.yaml');
await writeFile(file, register);
t.equal((await cli(['import', file])).code, 0, 'the register imports');

t.test(
  'cross-border: a chain whose every hop records JP storage and access says so, with both counts 0',
  async (t) => {
    const { code, out } = await cli(['cross-border', '--controller', 'home-city']);
    t.equal(code, 0);
    t.match(
      out,
      /^Cross-border hops in the chain of Home City \(home-city\) \(JP\) at any date \(every entrustment, ended or not; --as-of DATE for one day\): 0 cross-border hops; 0 hops whose storage location is not recorded\nEvery hop records storage and access, all in JP\.\n$/,
    );
  },
);

t.test('impact: more stopped hops than listed says how many were left out', async (t) => {
  const { code, out } = await cli(['impact', '--incident', 'saas-2024']);
  t.equal(code, 0);
  t.match(
    out,
    /\nNot exposed \(the first 200 of 205\):\n/,
    'the header gives the cap and the count',
  );
  t.equal(out.match(/OUT_OF_WINDOW/g)?.length, 200, 'and the table lists the capped 200');
  const json = JSON.parse(
    (await cli(['impact', '--incident', 'saas-2024', '--format', 'json'])).out,
  );
  t.same([json.notExposed.length, json.notExposedCount], [200, SPARED]);
});
