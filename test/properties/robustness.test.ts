import fc from 'fast-check';
import t from 'tap';
import { stringify } from 'yaml';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { importRegister } from '../../src/register/import.js';
import { buildApp } from '../../src/app.js';
import { defaultSecurity } from '../../src/security-config.js';
import { demoRegister, gql, tempStore } from '../helpers/app.js';

// Generated inputs that try to break the service: malformed registers and GraphQL documents never
// give a 5xx or an internal error and never write part of a register; valid registers import
// idempotently; a window that grows never loses an exposed controller.

// A rate limit high enough that every generated request is really run, not refused with a 429.
const store = await tempStore(t, 'vc-props-');
const loaded = await importRegister(store, await demoRegister());
const app = await buildApp({
  store,
  security: { ...defaultSecurity(), rateLimitPerMinute: 1_000_000 },
});
t.teardown(() => app.close());
t.ok(loaded.ok);
const IMPORT =
  'mutation($d: String!) { importRegister(document: $d) { ok errors { path message } } }';
const snapshot = async () =>
  JSON.stringify((await gql(app, '{ stats { parties entrustments incidents sources } }')).data);

/** Registers that are almost right: valid shapes with fields replaced by anything. */
const party = fc.record(
  {
    id: fc.oneof(fc.constantFrom('mishima-city', 'makeshop', 'new-co'), fc.string()),
    name: fc.oneof(fc.string(), fc.anything()),
    kind: fc.oneof(fc.constantFrom('company', 'service'), fc.anything()),
  },
  { requiredKeys: [] },
);
const entrustment = fc.record(
  {
    id: fc.oneof(fc.constantFrom('cotode--makeshop', 'new-link'), fc.string()),
    client: fc.oneof(fc.constantFrom('cotode', 'new-co', 'makeshop'), fc.anything()),
    contractor: fc.oneof(fc.constantFrom('makeshop', 'cotode'), fc.anything()),
    under: fc.oneof(
      fc.constant(undefined),
      fc.array(fc.oneof(fc.constantFrom('takeo-city--cotode', 'cotode--makeshop'), fc.string())),
    ),
    from: fc.oneof(fc.constantFrom('2014-01-01', '2014-02-30', '2016-01-01'), fc.anything()),
    records: fc.oneof(fc.integer(), fc.double(), fc.constant(3_000_000_000)),
  },
  { requiredKeys: [] },
);
const malformed = fc.oneof(
  fc.string(),
  fc
    .tuple(
      fc.record({
        register: fc.oneof(fc.constant(1), fc.anything()),
        parties: fc.array(party, { maxLength: 4 }),
        entrustments: fc.array(entrustment, { maxLength: 4 }),
      }),
      fc.boolean(),
    )
    .map(([r, json]) => (json ? JSON.stringify(r) : stringify(r))),
);

t.test(
  'malformed registers: never a 5xx or an internal error, never a partial write',
  async (t) => {
    await fc.assert(
      fc.asyncProperty(malformed, async (document) => {
        // Taken before each document: one that happens to be valid changes the store, and the
        // failed ones after it must leave that new state alone.
        const before = await snapshot();
        const res = await gql(app, IMPORT, { d: document });
        if (
          res.status >= 500 ||
          res.status === 429 ||
          res.errors?.some((e) => e.extensions?.code === 'VC_INTERNAL')
        )
          return false;
        // A document that imports is a real change; only failed ones must leave the store alone.
        return res.data?.importRegister?.ok === true || (await snapshot()) === before;
      }),
      { numRuns: 300 },
    );
    t.pass('300 generated registers');
  },
);

const QUERY_PARTS = [
  '{',
  '}',
  '(',
  ')',
  'blastRadius',
  'party',
  'parties',
  'first:',
  'incident:',
  '"x"',
  '500',
  '$v',
  'query',
  'mutation',
  '...',
  'on',
  'Party',
  '@include(if: true)',
  'id',
  'name',
  'a:',
  '__schema',
  'fragment f',
  '#',
  '"""',
  '\u0000',
  '-1',
  '9999999999',
];
const documents = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...QUERY_PARTS), { maxLength: 40 }).map((parts) => parts.join(' ')),
);

t.test('malformed GraphQL documents: never a 5xx or an internal error', async (t) => {
  await fc.assert(
    fc.asyncProperty(
      documents,
      fc.dictionary(fc.string(), fc.anything()),
      async (query, variables) => {
        const res = await gql(app, query, variables);
        return (
          res.status !== 429 &&
          res.status < 500 &&
          !(res.errors ?? []).some((e) => e.extensions?.code === 'VC_INTERNAL')
        );
      },
    ),
    { numRuns: 500 },
  );
  t.pass('500 generated documents');
});

/**
 * Valid chains with declared links: parties p0..p<levels>, one or two entrustments per level from
 * p<k+1> to p<k>, each performing every entrustment of the level above (`under`), the top level
 * the controller's own data. (With inferred links the property does not hold by the register
 * format's rule: a wider window can admit an upstream into a client, who then stops being a
 * controller; see register-format.md, "under absent".)
 */
const chain = fc
  .array(
    fc.array(
      fc.record({
        from: fc.integer({ min: 2010, max: 2020 }),
        years: fc.integer({ min: 1, max: 5 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((levels) => {
    const lines = [
      'register: 1',
      'parties:',
      ...Array.from(
        { length: levels.length + 1 },
        (_, i) => `  - { id: p${i}, name: P${i}, kind: company }`,
      ),
      'entrustments:',
    ];
    levels.forEach((level, k) => {
      const upstream = k + 1 < levels.length ? levels[k + 1]!.map((_, j) => `e${k + 1}-${j}`) : [];
      level.forEach((l, j) =>
        lines.push(
          `  - { id: e${k}-${j}, client: p${k + 1}, contractor: p${k}, under: [${upstream.join(', ')}], data: [user.contact], from: ${l.from}-01-01, to: ${l.from + l.years}-01-01 }`,
        ),
      );
    });
    return `${lines.join('\n')}\n`;
  });

t.test(
  'import is idempotent, and a growing window never loses an exposed controller',
  async (t) => {
    await fc.assert(
      fc.asyncProperty(
        chain,
        fc.integer({ min: 2010, max: 2024 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        async (text, start, length, grow) => {
          const store = await tempStore(t);
          if (!(await importRegister(store, text)).ok) return false;
          const ids = Array.from({ length: 5 }, (_, k) => [`e${k}-0`, `e${k}-1`]).flat();
          const once = JSON.stringify(await store.entrustments(ids));
          if (
            !(await importRegister(store, text)).ok ||
            JSON.stringify(await store.entrustments(ids)) !== once
          )
            return false;
          const controllers = async (from: number, to: number) =>
            new Set(
              (
                await blastRadius(store, {
                  party: 'p0',
                  window: { from: `${from}-01-01`, to: `${to}-01-01` },
                  data: null,
                } as never)
              ).controllers.map((c) => c.party),
            );
          const small = await controllers(start, start + length);
          const large = await controllers(start - grow, start + length + grow);
          return [...small].every((c) => large.has(c));
        },
      ),
      { numRuns: 60 },
    );
    t.pass('60 generated chains');
  },
);
