import t from 'tap';
import { importWhilePolling, serve } from '../helpers/large-import.js';
import { largeRegister } from '../helpers/large-register.js';
import { watchMainThread } from '../helpers/poll-while.js';

// A 50 MB JSON register imported through the HTTP API while another client asks /healthz and a
// small GraphQL query every 20 ms: the body is parsed and the register imported in a worker
// thread, so the main thread keeps turning. (YAML: large-import-yaml; an error: large-import-error.)

const MB = 1024 * 1024;
// A 50 MB import takes 15 s on an idle 2-core machine, and over a minute when it is loaded.
t.setTimeout(300_000);

t.test('a 50 MB JSON register is imported while /healthz and a small query keep answering', async (t) => {
  const { url, store } = await serve(t);
  const register = largeRegister('json', 50 * MB);
  t.ok(register.text.length > 49 * MB, `${(register.text.length / MB).toFixed(1)} MB`);
  const answer = await importWhilePolling(t, url, register.text);
  t.same(answer, { data: { importRegister: { ok: true, parties: register.parties, entrustments: register.entrustments, errors: [] } } });
  t.same(await store.counts(), { sources: 0, parties: register.parties, entrustments: register.entrustments, incidents: 0 });
  const audit = await store.auditLog(5, null);
  t.same(audit.map((e) => [e.actor, e.action]), [['anonymous', 'importRegister']], 'one audit entry, written with the import');

  // A whole-graph answer over those 222k entrustments reads the graph in pages with a turn of the
  // event loop between them; what it computes after reading (root controllers, one row per party,
  // the sort) still runs in one piece, which on this long chain is over 100 ms: a known gap.
  const query = JSON.stringify({ query: '{ concentration(first: 2) { party { id } controllers records entrustments } }' });
  const { value, longestBusy } = await watchMainThread(async () => (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })).json());
  t.comment(`concentration: main thread CPU at most ${longestBusy} ms between two 10 ms ticks`);
  const n = register.parties;
  t.same(value, { data: { concentration: [`p${n - 1}`, `p${n - 2}`].map((id, k) => ({ party: { id }, controllers: 1, records: 1000 + n - 2 - k, entrustments: 1 })) } });
  t.ok(longestBusy < 100, `concentration never works 100 ms without a turn of the event loop (longest ${longestBusy} ms)`, {
    todo: 'root controllers, rows and sort of a 222k-party chain run in one turn: to be cut into slices',
  });
});
