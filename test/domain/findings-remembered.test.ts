import t from 'tap';
import { generate } from '../../bench/generate.js';
import { redelegationFindings } from '../../src/domain/redelegation.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';
import { instrument } from '../helpers/instrumented-store.js';

// Whole-register findings take minutes on a large graph and a client may ask in a loop: the answer
// is remembered until the next write, and asks that arrive together share one computation.

t.test(
  'whole-register findings are remembered until the next write; asks at once share one scan',
  async (t) => {
    const real = await tempStore(t, 'vc-findings-');
    t.ok((await importRegister(real, generate(200, 5).document)).ok);
    const { store, calls, reset } = instrument(real);
    const scans = () => calls.scanEntrustments ?? 0;

    const [first, again] = await Promise.all([
      redelegationFindings(store),
      redelegationFindings(store),
    ]);
    const onePass = scans();
    t.ok(onePass > 0 && first.length > 0, 'computed, with findings');
    t.equal(again, first, 'two asks at once get the one answer');
    t.equal(await redelegationFindings(store), first, 'asked again: remembered');
    t.equal(scans(), onePass, 'without scanning again');
    await redelegationFindings(store, { asOf: '2016-06-01' });
    t.equal(scans(), 2 * onePass, 'another date is another answer');

    // A write, and the next ask sees it.
    const e = first[0]!.entrustment;
    await real.upsert({
      sources: [],
      parties: [],
      incidents: [],
      entrustments: [{ ...e, disclosed: !e.disclosed }],
    });
    reset();
    const after = await redelegationFindings(store);
    t.ok(scans() > 0, 'written since: computed afresh');
    t.not(after, first);
    const undisclosed = (list: typeof first) =>
      list.some((f) => f.entrustment.id === e.id && f.rule === 'UNDISCLOSED');
    t.equal(undisclosed(after), !undisclosed(first), 'and the answer shows the write');

    // A controller's findings are its chain's, asked afresh each time (cheap, and not remembered).
    reset();
    await redelegationFindings(store, { controller: first[0]!.upstream.client });
    t.equal(scans(), 0, "a controller's findings never scan the whole register");
  },
);
