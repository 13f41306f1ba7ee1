import t from 'tap';
import { importWhilePolling, serve } from '../helpers/large-import.js';
import { largeRegister } from '../helpers/large-register.js';

// The same as large-import.test.ts with a YAML register, at issue 10's probe size: a 50 MB YAML
// import once held /healthz for 22 s. The import runs in a worker thread, and a register that
// large is read by js-yaml (register/parse.ts): with the yaml package alone it took 3 to 4 minutes.

const MB = 1024 * 1024;
t.setTimeout(600_000);

t.test(
  'a 50 MB YAML register is imported while /healthz and a small query keep answering',
  async (t) => {
    const { url, store } = await serve(t);
    const register = largeRegister('yaml', 50 * MB);
    const bytes = Buffer.byteLength(register.text);
    t.ok(bytes > 50 * MB, `${(bytes / MB).toFixed(1)} MB of YAML (UTF-8)`);
    const answer = await importWhilePolling(t, url, register.text);
    t.same(answer, {
      data: {
        importRegister: {
          ok: true,
          parties: register.parties,
          entrustments: register.entrustments,
          errors: [],
        },
      },
    });
    t.same(await store.counts(), {
      sources: 0,
      parties: register.parties,
      entrustments: register.entrustments,
      incidents: 0,
    });
  },
);
