import t from 'tap';
import { importWhilePolling, serve } from '../helpers/large-import.js';
import { largeRegister } from '../helpers/large-register.js';

// A 50 MB JSON register with one error in its very last record: nothing is written, the error
// names the field and its line, and the main thread kept answering meanwhile.

const MB = 1024 * 1024;
// A 50 MB import takes 15 s on an idle 2-core machine, and over a minute when it is loaded.
t.setTimeout(300_000);

t.test(
  'a 50 MB JSON register with one error at the end: nothing written, the error with its line',
  async (t) => {
    const { url, store } = await serve(t);
    const register = largeRegister('json', 50 * MB, { from: '2015-13-01' });
    const answer = await importWhilePolling(t, url, register.text);
    const report = answer.data?.importRegister;
    t.equal(report?.ok, false);
    t.equal(report?.errors.length, 1, 'one error');
    const [error] = report?.errors ?? [];
    t.equal(error?.path, `entrustments[${register.entrustments - 1}].from`);
    t.match(error?.message, /date/);
    // The last entrustment is on the document's last line but one (the closing brackets follow).
    t.equal(error?.line, register.text.split('\n').length - 2, 'the line of the last entrustment');
    t.same(
      await store.counts(),
      { sources: 0, parties: 0, entrustments: 0, incidents: 0 },
      'nothing written',
    );
    t.same(await store.auditLog(5, null), [], 'no audit entry');
  },
);
