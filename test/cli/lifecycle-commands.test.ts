import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

// import --sync, remove, revisions and changes on a real embedded store, with the clock fixed by
// SOURCE_DATE_EPOCH (2024-04-01 09:00 UTC) and the actor by CLI_USER.

const dir = await mkdtemp(join(tmpdir(), 'vc-cli-lifecycle-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const fixture = (name: string) => inProject('test', 'fixtures', 'lifecycle', name);
const storeEnv = (name: string) => ({
  DATA_DIR: join(dir, name),
  STORE: 'embedded',
  SOURCE_DATE_EPOCH: '1711962000',
  CLI_USER: 'officer',
});

t.test(
  'import --sync retires what the files no longer list; over the limit it is refused (exit 1) unless --force',
  async (t) => {
    const env = storeEnv('sync');
    const first = await cli(
      ['import', '--sync', 'kita-city', fixture('kita-city-register.yaml')],
      env,
    );
    t.same(
      [first.code, first.out],
      [
        0,
        'imported: 6 parties, 5 entrustments, 0 incidents, 1 source\nsync kita-city: a new scope; it holds 5 entrustments\nrevision 1\n',
      ],
    );
    const dry = await cli(
      [
        'import',
        '--dry-run',
        '--sync',
        'kita-city',
        fixture('contractor-dropped-from-register.yaml'),
      ],
      env,
    );
    t.match(
      dry.out,
      /sync kita-city: would retire 1 of the 5 it held \(kita-integrator--mailer\); it would hold 5 entrustments\n$/,
    );
    const truncated = await cli(
      ['import', '--sync', 'kita-city', fixture('register-truncated-by-mistake.yaml')],
      env,
    );
    t.equal(truncated.code, 1);
    t.match(
      truncated.err,
      /error: sync: would retire 4 of the 5 entrustments scope "kita-city" holds \(80%\), more than the limit of 20% \(SYNC_RETIRE_LIMIT_PERCENT\); nothing was written/,
    );
    const looser = await cli(
      ['import', '--dry-run', '--sync', 'kita-city', fixture('register-truncated-by-mistake.yaml')],
      { ...env, SYNC_RETIRE_LIMIT_PERCENT: '80' },
    );
    t.equal(looser.code, 0, 'the limit is configurable: 80% is not more than 80%');
    const dropped = await cli(
      ['import', '--sync', 'kita-city', fixture('contractor-dropped-from-register.yaml')],
      env,
    );
    t.match(
      dropped.out,
      /sync kita-city: retired 1 of the 5 it held \(kita-integrator--mailer\); it holds 5 entrustments\nrevision 2\n$/,
    );
    const forced = await cli(
      ['import', '--sync', 'kita-city', '--force', fixture('register-truncated-by-mistake.yaml')],
      env,
    );
    t.match(
      forced.out,
      /retired 4 of the 5 it held \(kita-city--printer, kita-integrator--callcenter, kita-integrator--cloud, kita-integrator--sms\)/,
    );
    const badScope = await cli(
      ['import', '--sync', '../x', fixture('kita-city-register.yaml')],
      env,
    );
    t.same(
      [badScope.code, /^vendor-chain: sync: expected a scope name/.test(badScope.err)],
      [2, true],
    );
    t.equal(
      (await cli(['import', '--sync', 'kita-city', '--force', join(dir, 'missing.yaml')], env))
        .code,
      2,
    );
  },
);

t.test('revisions lists every write with who, when, scope and ids; json for scripts', async (t) => {
  const env = storeEnv('revisions');
  t.equal((await cli(['revisions'], env)).out, 'No revisions yet.\n');
  await cli(['import', '--sync', 'kita-city', fixture('kita-city-register.yaml')], env);
  await cli(
    ['import', '--sync', 'kita-city', fixture('contractor-dropped-from-register.yaml')],
    env,
  );
  const table = await cli(['revisions', '--first', '1'], env);
  t.match(
    table.out,
    /│ 2 +│ 2024-04-01 09:00:00 │ cli:officer │ kita-city │ added 2: parties\/kita-sms entrustments\/kita-integrator--sms +│\n│ +│ +│ +│ +│ retired 1: entrustments\/kita-integrator--mailer/,
  );
  t.notMatch(table.out, /│ 1 +│/, '--first 1 shows one');
  const json = JSON.parse((await cli(['revisions', '--format', 'json'], env)).out);
  t.same(
    json.map((r: { id: string }) => r.id),
    ['2', '1'],
  );
  t.same(json[0], {
    id: '2',
    at: '2024-04-01T09:00:00.000Z',
    actor: 'cli:officer',
    scope: 'kita-city',
    added: ['parties/kita-sms', 'entrustments/kita-integrator--sms'],
    changed: [],
    retired: ['entrustments/kita-integrator--mailer'],
    removed: [],
    counts: { added: 2, changed: 0, retired: 1, removed: 0 },
  });
  t.equal((await cli(['revisions', '--first', '0'], env)).code, 2);
});

t.test(
  'remove is refused with its dependants (exit 1) and removes them all together',
  async (t) => {
    const env = storeEnv('remove');
    await cli(
      ['import', fixture('kita-city-register.yaml'), fixture('party-imported-by-mistake.yaml')],
      env,
    );
    const refused = await cli(['remove', '--party', 'kita-integrater'], env);
    t.equal(refused.code, 1);
    t.equal(
      refused.err,
      [
        'refused, nothing removed: 2 references to what would go; remove the records that refer too, or fix them first:',
        '  entrustments/kita-city--integrater names parties/kita-integrater in contractor',
        '  incidents/kita-integrater-leak names parties/kita-integrater in party',
      ].join('\n'),
    );
    const removed = await cli(
      [
        'remove',
        '--party',
        'kita-integrater',
        '--entrustment',
        'kita-city--integrater',
        '--incident',
        'kita-integrater-leak',
        'nope',
      ],
      env,
    );
    t.same(
      [removed.code, removed.out, removed.err],
      [
        0,
        'removed: parties/kita-integrater, entrustments/kita-city--integrater, incidents/kita-integrater-leak\nrevision 2\n',
        'not found (nothing to remove): incidents/nope',
      ],
    );
    t.equal((await cli(['remove'], env)).code, 2, 'naming nothing is a usage error');
    const bad = await cli(['remove', '--party', 'Bad Id'], env);
    t.match([bad.code, bad.err], [2, /parties\[0\]: expected an id/]);
  },
);

t.test('changes: what entered and left a chain between two dates; json for scripts', async (t) => {
  const env = storeEnv('changes');
  await cli(['import', '--sync', 'kita', fixture('kita-city-register.yaml')], env);
  await cli(['import', '--sync', 'kita', fixture('contractor-dropped-from-register.yaml')], env);
  const table = await cli(
    ['changes', '--controller', 'kita-city', '--from', '2016-06-01', '--to', '2024-06-01'],
    env,
  );
  t.match(
    table.out,
    /^Supply chain of 北市 \(kita-city\): 2016-06-01 → 2024-06-01\nparties entered: Kita Call Center \(kita-callcenter\), Kita SMS \(kita-sms\)\nparties left: Kita Mailer \(kita-mailer\)\n/,
  );
  t.match(
    table.out,
    /│ left +│ kita-integrator--mailer +│ .* │ 2016-01-01 → 2024-04-01 │ retired │/,
  );
  const json = JSON.parse(
    (
      await cli(
        [
          'changes',
          '--controller',
          'kita-city',
          '--from',
          '2016-06-01',
          '--to',
          '2024-06-01',
          '--format',
          'json',
        ],
        env,
      )
    ).out,
  );
  t.same(json.left, {
    parties: [{ id: 'kita-mailer', name: 'Kita Mailer' }],
    entrustments: [
      {
        id: 'kita-integrator--mailer',
        client: 'kita-integrator',
        contractor: 'kita-mailer',
        from: '2016-01-01',
        to: '2024-04-01',
        retired: true,
      },
    ],
  });
  t.same(
    json.entered.parties.map((p: { id: string }) => p.id),
    ['kita-callcenter', 'kita-sms'],
  );
  const none = await cli(
    ['changes', '--controller', 'kita-city', '--from', '2018-01-01', '--to', '2019-01-01'],
    env,
  );
  t.match(
    none.out,
    /parties entered: none\nparties left: none\nNo entrustment entered or left\.\n$/,
  );
  const backwards = await cli(
    ['changes', '--controller', 'kita-city', '--from', '2024-01-01', '--to', '2016-01-01'],
    env,
  );
  t.same(
    [backwards.code, backwards.err],
    [2, 'vendor-chain: to: must be after from (2024-01-01), got 2016-01-01'],
  );
  t.equal(
    (
      await cli(
        ['changes', '--controller', 'nobody', '--from', '2016-01-01', '--to', '2017-01-01'],
        env,
      )
    ).code,
    2,
  );
});
