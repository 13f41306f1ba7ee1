import t from 'tap';
import { redelegationFindings } from '../../src/domain/redelegation.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';

// Twelve towns hand national-id data to one BPO, which hands it on under all twelve: every
// re-entrustment below it needs the approval of twelve root controllers. Below a national hub it is
// thousands, met by a million findings: the lists are shared, and a sentence names a few.
const TOWNS = Array.from({ length: 12 }, (_, i) => `town-${String(i + 1).padStart(2, '0')}`);
const ID = 'user.government_id.national_identification_number';
const register = {
  register: 1,
  parties: [
    ...TOWNS.map((id) => ({ id, name: id, kind: 'municipality' })),
    ...['bpo', 'keyer', 'printer', 'archive'].map((id) => ({ id, name: id, kind: 'company' })),
  ],
  entrustments: [
    ...TOWNS.map((town) => ({
      id: `${town}--bpo`,
      client: town,
      contractor: 'bpo',
      under: [],
      data: [ID],
      reentrustment: 'allowed',
    })),
    {
      id: 'bpo--keyer',
      client: 'bpo',
      contractor: 'keyer',
      under: TOWNS.map((town) => `${town}--bpo`),
      data: [ID],
      approvedBy: TOWNS,
      reentrustment: 'approval-required',
    },
    // Approved neither by the towns nor by the BPO, whose clause asks for its approval.
    {
      id: 'keyer--printer',
      client: 'keyer',
      contractor: 'printer',
      under: ['bpo--keyer'],
      data: [ID],
    },
    {
      id: 'keyer--archive',
      client: 'keyer',
      contractor: 'archive',
      under: ['bpo--keyer'],
      data: [ID],
    },
    // Approved by one town: its list is its own.
    {
      id: 'printer--archive',
      client: 'printer',
      contractor: 'archive',
      under: ['keyer--printer'],
      data: [ID],
      approvedBy: ['town-03'],
    },
  ],
};

t.test('missing approvals below a shared upstream: every one listed, a few named', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, JSON.stringify(register))).ok);
  const unapproved = new Map(
    (await redelegationFindings(store))
      .filter((f) => f.rule === 'UNAPPROVED')
      .map((f) => [f.entrustment.id, f]),
  );
  t.same([...unapproved.keys()].sort(), ['keyer--archive', 'keyer--printer', 'printer--archive']);
  const printer = unapproved.get('keyer--printer')!;
  t.same(printer.missingApprovals, ['bpo', ...TOWNS]);
  // The two findings below bpo--keyer hold one list, not a copy each.
  t.equal(unapproved.get('keyer--archive')!.missingApprovals, printer.missingApprovals);
  t.equal(
    printer.explanation,
    'keyer--printer lacks the written approval of bpo, town-01, town-02, town-03, town-04, ' +
      'town-05, town-06, town-07, town-08, town-09 and 3 more (missingApprovals lists them all) ' +
      '(national-id data: the original controller must approve every level)',
  );
  const own = unapproved.get('printer--archive')!;
  t.same(
    own.missingApprovals,
    TOWNS.filter((town) => town !== 'town-03'),
  );
  t.match(own.explanation, /town-11 and 1 more \(missingApprovals lists them all\)/);
});
