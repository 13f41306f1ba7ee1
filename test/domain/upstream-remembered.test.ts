import t from 'tap';
import { generate } from '../../bench/generate.js';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { groupExposure } from '../../src/domain/group-exposure.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';
import { instrument, readInRounds } from '../helpers/instrumented-store.js';

// Where the store's reads go over the network (Neo4j: no upstreamReader), what the walk above a
// leaking party read, in rounds, is remembered until a write touches entrustments or parties, so a
// dashboard asking the blast radius of the same incidents after each new one does not read it
// again. The embedded store's own reads, without their local reader, stand in for Neo4j's here.

t.test('the sub-graph above a leak is read once until a write touches it', async (t) => {
  const real = await tempStore(t, 'vc-upstream-');
  const synthetic = generate(300, 11);
  t.ok((await importRegister(real, synthetic.document)).ok);
  const { store: counted, calls } = instrument(real);
  const remote = readInRounds(counted);
  const reads = () => calls.upstreamRound ?? 0;
  const leak = {
    party: synthetic.hubs[0]!,
    window: { from: '2015-01-01', to: '2015-07-01' },
    data: null,
  };
  const summary = async () =>
    (await blastRadius(remote, leak)).controllers.map((c) => [c.party, c.aware, c.records]);

  const first = await summary();
  t.ok(first.length > 5, `${first.length} controllers exposed`);
  const rounds = reads();
  t.ok(rounds >= 2 && rounds <= 10, `read in ${rounds} rounds, a few`);
  t.same(await summary(), first, 'asked again: the same answer');
  t.equal(reads(), rounds, 'without reading it again');

  const incident = {
    register: 1,
    incidents: [{ id: 'elsewhere', party: synthetic.hubs[0]!, kind: 'other', from: '2020-01-01' }],
  };
  const written = await importRegister(real, JSON.stringify(incident));
  t.ok(written.ok, JSON.stringify(written.errors));
  t.same(await summary(), first, 'after a new incident: the same answer');
  t.equal(reads(), rounds, 'and what was read, which the write left alone, not read again');

  // A write to an entrustment above the leak: read afresh, and the answer shows it.
  const exposed = (await blastRadius(remote, leak)).controllers.find((c) => c.aware)!;
  const own = await real.entrustmentsFrom([exposed.party]);
  t.ok(own.length > 0, `${exposed.party} entrusts ${own.length}`);
  await real.upsert({
    sources: [],
    parties: [],
    incidents: [],
    entrustments: own.map((e) => ({ ...e, disclosed: false })),
  });
  const after = await summary();
  t.ok(reads() > rounds, 'a write to entrustments: read again');
  t.notSame(after, first, 'and the answer shows the write');
});

t.test(
  'every leak walks over one source of what walks read, until a write touches it',
  async (t) => {
    const real = await tempStore(t, 'vc-upstream-shared-');
    const synthetic = generate(600, 12);
    t.ok((await importRegister(real, synthetic.document)).ok);
    const open = (party: string, data: string[] | null = null) => ({ party, window: {}, data });
    const summary = (r: Awaited<ReturnType<typeof blastRadius>>) =>
      r.controllers.map((c) => [c.party, c.exposure, c.aware, c.data, c.records, c.pathCount]);
    const [first, second] = synthetic.hubs as [string, string];
    // Rounds a leak at `second` takes alone, on a store whose walks have read nothing yet.
    const alone = instrument(real);
    await blastRadius(readInRounds(alone.store), open(second));
    const roundsAlone = alone.calls.upstreamRound ?? 0;

    const { store: counted, calls } = instrument(real);
    const remote = readInRounds(counted);
    const reads = () => calls.upstreamRound ?? 0;
    await blastRadius(remote, open(first));
    const afterFirst = reads();
    t.ok(afterFirst >= 2, `the first hub's open window read in ${afterFirst} rounds`);

    const narrow = open(first, ['user.health']);
    const narrowed = await blastRadius(remote, narrow);
    t.equal(reads(), afterFirst, 'a narrower question at the same hub reads nothing more');
    t.same(
      summary(narrowed),
      summary(await blastRadius(real, narrow)),
      'and answers as read locally',
    );

    const next = await blastRadius(remote, open(second));
    const roundsNext = reads() - afterFirst;
    t.ok(
      roundsNext < roundsAlone,
      `another hub reads only what the first did not: ${roundsNext} rounds, ${roundsAlone} alone`,
    );
    t.same(summary(next), summary(await blastRadius(real, open(second))), 'the same answer');

    // A write to an entrustment that was read: every leak reads afresh, and answers show it.
    const exposed = next.controllers.find((c) => c.aware)!;
    const own = await real.entrustmentsFrom([exposed.party]);
    await real.upsert({
      sources: [],
      parties: [],
      incidents: [],
      entrustments: own.map((e) => ({ ...e, disclosed: false })),
    });
    const before = reads();
    const after = await blastRadius(remote, narrow);
    t.ok(reads() > before, 'after a write to entrustments, the narrower question reads again');
    t.same(summary(after), summary(await blastRadius(real, narrow)), 'and answers as read locally');
  },
);

t.test(
  "a group's walk to its root controllers reads only what a leak's walk did not",
  async (t) => {
    const real = await tempStore(t, 'vc-upstream-group-');
    const synthetic = generate(600, 12);
    t.ok((await importRegister(real, synthetic.document)).ok);
    const hub = synthetic.hubs[0]!;
    // The embedded store's own answer, walked over its local reader.
    const expected = await groupExposure(real, hub);
    t.ok(expected.controllers.length > 5, `${expected.controllers.length} controllers`);

    const alone = instrument(real);
    t.same(
      await groupExposure(readInRounds(alone.store), hub),
      expected,
      'read in rounds: the same',
    );
    const roundsAlone = alone.calls.upstreamRound ?? 0;
    t.ok(roundsAlone >= 2, `alone, read in ${roundsAlone} rounds`);

    const { store: counted, calls } = instrument(real);
    const remote = readInRounds(counted);
    await blastRadius(remote, { party: hub, window: {}, data: null });
    const afterLeak = calls.upstreamRound ?? 0;
    t.same(await groupExposure(remote, hub), expected, 'after a leak at the hub: the same');
    const rounds = (calls.upstreamRound ?? 0) - afterLeak;
    t.ok(rounds < roundsAlone, `after the leak, ${rounds} rounds (alone: ${roundsAlone})`);
  },
);
