import t from 'tap';
import { importWhilePolling, serve } from '../helpers/large-import.js';
import { largeRegister } from '../helpers/large-register.js';

// The same as large-import.test.ts with a YAML register. Issue 10's probe was 50 MB (such an import
// held /healthz for 22 s); at that size the import takes 3 to 4 minutes on a loaded 2-core machine,
// and the main thread, idle at 40 to 60 ms at the most, once worked 150 ms without a turn at load
// average 5 (not yet explained: see the note of the session). 10 MB keeps the suite's time and
// proves the same path; JSON is tested at 50 MB (large-import.test.ts).

const MB = 1024 * 1024;
t.setTimeout(600_000);

t.test('a 10 MB YAML register is imported while /healthz and a small query keep answering', async (t) => {
  const { url, store } = await serve(t);
  const register = largeRegister('yaml', 10 * MB);
  const bytes = Buffer.byteLength(register.text);
  t.ok(bytes > 10 * MB, `${(bytes / MB).toFixed(1)} MB of YAML (UTF-8)`);
  const answer = await importWhilePolling(t, url, register.text);
  t.same(answer, { data: { importRegister: { ok: true, parties: register.parties, entrustments: register.entrustments, errors: [] } } });
  t.same(await store.counts(), { sources: 0, parties: register.parties, entrustments: register.entrustments, incidents: 0 });
});
