import t from 'tap';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { resolveLeak } from '../../src/domain/leak.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';

// A hub whose contract with a platform does not say whose data it carries, and whose twelve
// clients all left before the leak: each is told why not, up to the cap, with the full count.
const clients = Array.from({ length: 12 }, (_, i) => `client-${String(i).padStart(2, '0')}`);
const register = `register: 1
parties:
  - { id: hub, name: Hub, kind: company }
  - { id: platform, name: Platform, kind: service }
${clients.map((c) => `  - { id: ${c}, name: ${c}, kind: company }`).join('\n')}
entrustments:
  - { id: hub--platform, client: hub, contractor: platform, data: [user.contact] }
${clients.map((c) => `  - { id: ${c}--hub, client: ${c}, contractor: hub, under: [], data: [user.contact], to: 2019-01-01 }`).join('\n')}
incidents:
  - { id: platform-leak, party: platform, kind: ransomware, from: 2020-01-01, to: 2020-02-01, data: [user.contact] }
`;

t.test('candidates an inferred step drops are reported, capped, with a count', async (t) => {
  const store = await tempStore(t);
  const report = await importRegister(store, register);
  t.ok(report.ok, JSON.stringify(report));
  const leak = await resolveLeak(store, { incident: 'platform-leak' });
  const all = await blastRadius(store, leak);
  t.same(
    all.notExposed.map((n) => [n.entrustment.client, n.link, n.reason]),
    clients.map((c) => [c, 'inferred', 'OUT_OF_WINDOW']),
  );
  t.equal(all.notExposedCount, 12);
  t.same(
    all.controllers.map((c) => c.party),
    ['hub'],
    'nothing goes into the hub in the window: its own data, as before',
  );
  const capped = await blastRadius(store, leak, { maxNotExposed: 5 });
  t.same(
    capped.notExposed.map((n) => n.entrustment.client),
    clients.slice(0, 5),
  );
  t.equal(capped.notExposedCount, 12);
});

// The walk meets the hub's twelve inferred stops before another platform client's declared one:
// a cap still shows the declared stop first, then the inferred in the order met.
const withDeclared = `register: 1
parties:
  - { id: hub, name: Hub, kind: company }
  - { id: hub2, name: Hub 2, kind: company }
  - { id: late, name: Late, kind: company }
  - { id: platform, name: Platform, kind: service }
${clients.map((c) => `  - { id: ${c}, name: ${c}, kind: company }`).join('\n')}
entrustments:
  - { id: hub--platform, client: hub, contractor: platform, data: [user.contact] }
  - { id: hub2--platform, client: hub2, contractor: platform, data: [user.contact], under: [late--hub2] }
  - { id: late--hub2, client: late, contractor: hub2, under: [], data: [user.contact], to: 2019-01-01 }
${clients.map((c) => `  - { id: ${c}--hub, client: ${c}, contractor: hub, under: [], data: [user.contact], to: 2019-01-01 }`).join('\n')}
incidents:
  - { id: platform-leak, party: platform, kind: ransomware, from: 2020-01-01, to: 2020-02-01, data: [user.contact] }
`;

t.test(
  'a capped list shows a declared stop met after more inferred ones than the cap',
  async (t) => {
    const store = await tempStore(t);
    const report = await importRegister(store, withDeclared);
    t.ok(report.ok, JSON.stringify(report));
    const leak = await resolveLeak(store, { incident: 'platform-leak' });
    const capped = await blastRadius(store, leak, { maxNotExposed: 5 });
    t.same(
      capped.notExposed.map((n) => [n.entrustment.id, n.link, n.reason]),
      [
        ['late--hub2', 'declared', 'OUT_OF_WINDOW'],
        ...clients.slice(0, 4).map((c) => [`${c}--hub`, 'inferred', 'OUT_OF_WINDOW']),
      ],
    );
    t.equal(capped.notExposedCount, 13, 'every stop counted, shown or not');
    const none = await blastRadius(store, leak, { maxNotExposed: 0 });
    t.same(none.notExposed, [], 'none shown when none are asked for');
    t.equal(none.notExposedCount, 13, 'and still counted');
  },
);
