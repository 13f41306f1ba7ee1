import t from 'tap';
import { importWhilePolling, postAsserted, serve } from '../helpers/large-import.js';
import { largeRegister } from '../helpers/large-register.js';

// A 50 MB JSON register imported through the HTTP API while another client asks /healthz and a
// small GraphQL query every 20 ms: the body is parsed and the register imported in a worker
// thread, so the main thread keeps turning; then whole-graph answers over what it wrote, computed in
// slices. (YAML: large-import-yaml; an error: large-import-error.)

const MB = 1024 * 1024;
// A 50 MB import takes 15 s on an idle 2-core machine, and over a minute when it is loaded.
t.setTimeout(300_000);

t.test(
  'a 50 MB JSON register is imported while /healthz and a small query keep answering',
  async (t) => {
    const { url, store } = await serve(t);
    const register = largeRegister('json', 50 * MB);
    t.ok(register.text.length > 49 * MB, `${(register.text.length / MB).toFixed(1)} MB`);
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
    const audit = await store.auditLog(5, null);
    t.same(
      audit.map((e) => [e.actor, e.action]),
      [['anonymous', 'importRegister']],
      'one audit entry, written with the import',
    );

    // Whole-graph answers over those 222k entrustments, asked for the first time since the import
    // (so computed, not remembered), while this process asks /healthz and a small query every
    // 20 ms: they are computed in slices (src/domain/graph/slices.ts), never in one long turn.
    const query = JSON.stringify({
      query:
        '{ concentration(first: 2) { party { id } controllers records entrustments } redelegationFindings { rule entrustment { id } } }',
    });
    const whole = await postAsserted(t, url, query, 'whole-graph answers');
    const n = register.parties;
    // The chain re-entrusts with `reentrustment: allowed`, disclosed, no national-id data: no findings.
    t.same(whole, {
      data: {
        concentration: [`p${n - 1}`, `p${n - 2}`].map((id, k) => ({
          party: { id },
          controllers: 1,
          records: 1000 + n - 2 - k,
          entrustments: 1,
        })),
        redelegationFindings: [],
      },
    });
  },
);
