import t from 'tap';
import { KeysByGeneration } from '../../src/access/keys-by-generation.js';
import { tempStore } from '../helpers/app.js';
import { instrument } from '../helpers/instrumented-store.js';

// The keys are read once per store generation; a key write moves the generation, so it counts at
// the next request; a failed read is not kept.

t.test('read once per generation, again after a write, not kept when the read fails', async (t) => {
  const real = await tempStore(t, 'vc-keys-');
  const failing = { apiKeys: new Error('store down') };
  const broken = instrument(real, failing);
  const keys = new KeysByGeneration(broken.store);
  const g = await real.generation();
  await t.rejects(keys.at(g), /store down/, 'a failed read fails the request');
  delete (failing as Partial<typeof failing>).apiKeys;
  t.same(await keys.at(g), [], 'and is read again at the next one');
  t.same(await keys.at(g), []);
  t.equal(broken.calls.apiKeys, 2, 'read once more, then kept for the generation');
  await real.addApiKey(
    {
      name: 'ci',
      role: 'reader',
      keyId: 'k1',
      salt: 's',
      hash: 'h',
      n: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    { at: '2026-01-01T00:00:00.000Z', actor: 'test', action: 'key.create', summary: 'a key' },
  );
  const after = await real.generation();
  t.ok(after > g, 'a key write moves the generation');
  t.same(
    (await keys.at(after)).map((k) => k.name),
    ['ci'],
    'and the next request sees the new key',
  );
  t.equal(broken.calls.apiKeys, 3);
});
