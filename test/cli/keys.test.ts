import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { cli as runCli } from '../helpers/cli.js';

// `vendor-chain keys` and the audit entries the command line leaves, on a real embedded store.

const dir = await mkdtemp(join(tmpdir(), 'vc-keys-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const env = { DATA_DIR: dir, STORE: 'embedded' };

const cli = (args: string[]) => runCli(args, env);

async function auditLog() {
  const store = await openEmbeddedStore(dir);
  try {
    return await store.auditLog(50, null);
  } finally {
    await store.close();
  }
}

const me = `cli:${userInfo().username}`;

t.test(
  'keys create prints the key once, alone on the last line; list never shows it',
  async (t) => {
    const created = await cli(['keys', 'create', '--name', 'dashboard', '--role', 'reader']);
    t.equal(created.code, 0, created.err);
    const lines = created.out.trimEnd().split('\n');
    t.match(lines.at(-1), /^vck_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const listed = await cli(['keys', 'list']);
    t.match(listed.out, /dashboard\s+│\s+reader/);
    t.notOk(listed.out.includes(lines.at(-1)!.slice(4)), 'the key is not listed');
    t.equal(
      JSON.stringify(await auditLog()).includes(lines.at(-1)!.slice(17)),
      false,
      'nor logged',
    );
  },
);

t.test('bad input exits 1, usage exits 2', async (t) => {
  const duplicate = await cli(['keys', 'create', '--name', 'dashboard', '--role', 'admin']);
  t.same(
    [duplicate.code, duplicate.err],
    [
      1,
      'vendor-chain: --name: a key named "dashboard" exists already; revoke it first or choose another name',
    ],
  );
  const badName = await cli(['keys', 'create', '--name', 'Bad Name', '--role', 'admin']);
  t.equal(badName.code, 1);
  t.match(badName.err, /--name: expected a name of 1 to 64 lower-case letters/);
  t.equal(
    (await cli(['keys', 'create', '--name', 'x', '--role', 'root'])).code,
    2,
    'a role that does not exist is usage',
  );
  t.equal((await cli(['keys', 'create', '--name', 'x'])).code, 2, 'the role is required');
  const unknown = await cli(['keys', 'revoke', '--name', 'nobody']);
  t.same(
    [unknown.code, unknown.err],
    [1, 'vendor-chain: --name: no key named "nobody" (vendor-chain keys list shows them)'],
  );
});

t.test(
  'revoke deletes the key; every CLI write is in the audit log under the OS user',
  async (t) => {
    const imported = await cli(['import', inProject('test', 'fixtures', 'cli', 'towns.yaml')]);
    t.equal(imported.code, 0, imported.err);
    t.equal((await cli(['keys', 'revoke', '--name', 'dashboard'])).code, 0);
    t.match((await cli(['keys', 'list'])).out, /^no keys/);
    const log = await auditLog();
    t.same(
      log.map((e) => [e.actor, e.action]),
      [
        [me, 'keys revoke'],
        [me, 'import'],
        [me, 'keys create'],
      ],
    );
    t.match(
      log[1]!.summary,
      /^0 sources, \d+ parties, \d+ entrustments, 0 incidents; added \d+ \(parties\//,
    );
    t.same(
      log.map((e) => e.id),
      ['3', '2', '1'],
      'ids follow the write generation, newest first',
    );
  },
);
