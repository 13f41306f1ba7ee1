import t from 'tap';
import { rememberedParties } from '../../src/domain/graph/remembered-parties.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';
import { instrument } from '../helpers/instrumented-store.js';

// The parties answers name are read once per run of writes that leave parties alone.

const REGISTER = `register: 1
parties:
  - { id: city, name: City, kind: municipality }
  - { id: vendor, name: Vendor, kind: company }
entrustments:
  - { id: city-vendor, client: city, contractor: vendor, under: [], data: [user.contact] }
`;

t.test('read once until a write touches a party; unknown ids stay unknown', async (t) => {
  const real = await tempStore(t, 'vc-parties-');
  t.ok((await importRegister(real, REGISTER)).ok);
  const { store, calls } = instrument(real);
  const names = async (ids: string[]) => (await rememberedParties(store, ids)).map((p) => p.name);
  t.same(await names(['city', 'nobody', 'vendor']), ['City', 'Vendor'], 'in order, none made up');
  t.same(await names(['vendor', 'city', 'city']), ['Vendor', 'City', 'City']);
  t.equal(calls.parties, 1, 'one read');
  t.same(await names(['nobody']), [], 'an unknown id, remembered as unknown');
  t.equal(calls.parties, 1);

  const incident =
    'register: 1\nincidents:\n  - { id: leak, party: vendor, kind: other, from: 2024-01-01 }\n';
  t.ok((await importRegister(real, incident)).ok);
  t.same(await names(['city']), ['City'], 'after a write to incidents');
  t.equal(calls.parties, 1, 'not read again');

  t.ok(
    (
      await importRegister(
        real,
        'register: 1\nparties:\n  - { id: city, name: Town, kind: municipality }\n',
      )
    ).ok,
  );
  t.same(
    await names(['city', 'vendor']),
    ['Town', 'Vendor'],
    'after a write to a party: read afresh',
  );
  t.equal(calls.parties, 2);
});
