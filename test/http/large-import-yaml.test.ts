import t from 'tap';
import { importWhilePolling, serve } from '../helpers/large-import.js';
import { largeRegister } from '../helpers/large-register.js';

// The same as large-import.test.ts with a YAML register (smaller: its parser is many times slower).

const MB = 1024 * 1024;
// Over a minute and a half on a loaded 2-core machine.
t.setTimeout(300_000);

t.test('a large YAML register is imported while /healthz and a small query keep answering', async (t) => {
  const { url, store } = await serve(t);
  // 10 MB: the YAML parser takes minutes over 50 MB on a loaded 2-core machine, past a test's time.
  const register = largeRegister('yaml', 10 * MB);
  t.comment(`${(register.text.length / MB).toFixed(1)} MB of YAML`);
  const answer = await importWhilePolling(t, url, register.text);
  t.same(answer, { data: { importRegister: { ok: true, parties: register.parties, entrustments: register.entrustments, errors: [] } } });
  t.same(await store.counts(), { sources: 0, parties: register.parties, entrustments: register.entrustments, incidents: 0 });
});
