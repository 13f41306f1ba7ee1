import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../src/cli/main.js';
import { importRegister, checkRegisters } from '../../src/register/import.js';
import { firstDuplicateKey } from '../../src/register/json-duplicates.js';
import { tempStore } from '../helpers/app.js';

// Nothing bad gets in and nothing stored is corrupted: issue 10's probes, each refused with the
// field and the problem, and nothing written.

const base = `register: 1
parties:
  - { id: a, name: A, kind: company }
  - { id: b, name: B, kind: company }
  - { id: c, name: C, kind: company }
  - { id: d, name: D, kind: company }
entrustments:
  - { id: x, client: a, contractor: b, under: [], data: [user.contact] }
  - { id: e, client: b, contractor: c, under: [x], data: [user.contact] }
`;

const errorsOf = async (text: string) =>
  (await checkRegisters([{ text }])).errors.map((e) => `${e.path}: ${e.message}`);

t.test(
  're-importing x: a→b as x: a→d while e: b→c is under [x] is refused naming both ids',
  async (t) => {
    const store = await tempStore(t);
    t.ok((await importRegister(store, base)).ok);
    const moved = await importRegister(
      store,
      'register: 1\nentrustments:\n  - { id: x, client: a, contractor: d, under: [], data: [user.contact] }\n',
    );
    t.equal(moved.ok, false);
    t.same(
      moved.errors.map((e) => [e.path, e.message, e.line]),
      [
        [
          'entrustments[0].contractor',
          '"e" in the store performs "x" with client "b": changing the contractor to "d" would break it; change or remove "e" in the same import',
          3,
        ],
      ],
    );
    t.equal((await store.entrustments(['x']))[0]!.contractor, 'b', 'nothing written');
    const both = await importRegister(
      store,
      'register: 1\nentrustments:\n  - { id: x, client: a, contractor: d, under: [], data: [user.contact] }\n  - { id: e, client: d, contractor: c, under: [x], data: [user.contact] }\n',
    );
    t.equal(both.ok, true, 'moving the dependant in the same import keeps the rule true');
    const unchanged = await importRegister(
      store,
      'register: 1\nentrustments:\n  - { id: x, client: a, contractor: d, under: [], data: [user.contact], records: 10 }\n',
    );
    t.equal(unchanged.ok, true, 'a change that keeps the contractor is fine');
  },
);

t.test(
  'self-entrustment, over-long ids, unsafe characters and counts GraphQL cannot carry are errors',
  async (t) => {
    t.same(
      await errorsOf(
        base.replace('{ id: x, client: a, contractor: b,', '{ id: x, client: a, contractor: a,'),
      ),
      [
        'entrustments[0].contractor: is the client itself (a): a party cannot entrust data to itself',
        'entrustments[1].under[0]: "x" entrusts data to "a", not to this entrustment\'s client "b": an entrustment can only perform one whose contractor is its client',
      ],
    );
    t.same(await errorsOf(base.replace('under: [x]', 'under: [e]')), [
      'entrustments[1].under[0]: names this entrustment itself (e)',
      'entrustments[1].under[0]: "e" entrusts data to "c", not to this entrustment\'s client "b": an entrustment can only perform one whose contractor is its client',
    ]);
    t.same(await errorsOf(base.replace('{ id: d,', `{ id: ${'d'.repeat(201)},`)), [
      'parties[3].id: must be at most 200 characters',
    ]);
    for (const [name, code] of [
      ['"Evil\\u001b[31mRed"', '001B'],
      ['"Invoice\\u202Egpj.exe"', '202E'],
      ['"Nul\\u0000"', '0000'],
      ['"Bell\\u0007"', '0007'],
    ] as const) {
      const errors = await errorsOf(base.replace('name: A,', `name: ${name},`));
      t.same(errors.length, 1, name);
      t.match(
        errors[0],
        new RegExp(
          `^parties\\[0\\]\\.name: must not contain control characters, escape sequences or bidi overrides \\(U\\+${code} at character \\d+\\); got `,
        ),
      );
    }
    t.same(
      await errorsOf(base.replace('name: A,', 'name: "日本語\\tand tab",')),
      [],
      'tabs and any script are fine',
    );
    t.same(
      await errorsOf(
        base.replace(
          'data: [user.contact] }\n  - { id: e',
          'data: [user.contact], records: 3000000000 }\n  - { id: e',
        ),
      ),
      ['entrustments[0].records: must be at most 2147483647'],
    );
  },
);

t.test('JSON duplicate keys and YAML alias bombs are errors with their place', async (t) => {
  t.same(
    firstDuplicateKey('{"a": 1, "b": {"a": 2, "c": "a"}, "list": [{"a": 1}, {"a": 2}]}'),
    null,
    'same key in different objects is fine',
  );
  t.same(
    firstDuplicateKey(
      '{\n  "parties": [],\n  "register": 1,\n  "x": "say \\"register\\"",\n  "register": 2\n}',
    ),
    { key: 'register', line: 5, column: 3 },
  );
  t.same(
    firstDuplicateKey('{"a\\\\": 1, "a\\\\": 2}'),
    { key: 'a\\', line: 1, column: 12 },
    'a key ending in an escaped backslash ends at its quote',
  );
  t.same(
    firstDuplicateKey('{"a": 1,\n "\\u0061": 2}'),
    { key: 'a', line: 2, column: 2 },
    'keys are compared as JSON reads them, escapes decoded',
  );
  t.same(
    firstDuplicateKey('[{"a": [1, {"b": 1}], "b": 2}]'),
    null,
    'a key in a nested object is not one of its parent',
  );
  const many = (n: number) => Array.from({ length: n }, (_, i) => `"k${i}": ${i}`).join(', ');
  t.same(firstDuplicateKey(`{${many(100_000)}}`), null, 'a hundred thousand keys, none twice');
  for (const [keys, again] of [
    [16, 'k15'],
    [17, 'k0'],
    [17, 'k16'],
    [100_000, 'k99998'],
  ] as const) {
    t.same(
      firstDuplicateKey(`{${many(keys)}, "${again}": 0}`)?.key,
      again,
      `${again} again after ${keys} keys`,
    );
  }
  const json =
    '{"register": 1, "parties": [{"id": "a", "name": "A", "name": "B", "kind": "company"}]}';
  t.same((await checkRegisters([{ text: json }])).errors, [
    {
      path: '(document)',
      message: 'duplicate key "name" at column 54: each key may appear once per object',
      line: 1,
    },
  ]);
  const anchors = ['register: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i++)
    anchors.push(
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(', ')}]`,
    );
  const bomb = await checkRegisters([{ text: anchors.join('\n') }]);
  t.same(
    bomb.errors.map((e) => e.message),
    [
      'the YAML aliases expand too far (more than 1000 alias uses): write the values out instead of using anchors',
    ],
  );
});

t.test('the duplicate-key scan agrees with what JSON.parse keeps, on any JSON', async (t) => {
  const fc = (await import('fast-check')).default;
  const texts = fc
    .tuple(fc.jsonValue(), fc.constantFrom(undefined, 2))
    .map(([value, indent]) => JSON.stringify(value, null, indent));
  fc.assert(
    fc.property(texts, (text) => firstDuplicateKey(text) === null),
    { numRuns: 2000 },
  );
  // An object whose key comes back after the others: the scan names it, as JSON.parse would have lost one.
  const repeated = fc
    .tuple(
      fc.string(),
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .filter(([key, rest]) => !Object.hasOwn(rest, key));
  fc.assert(
    fc.property(repeated, ([key, rest, value]) => {
      const body = Object.keys(rest).length === 0 ? '' : `${JSON.stringify(rest).slice(1, -1)},`;
      const text = `{"list": [${JSON.stringify(rest)}], ${JSON.stringify(key)}: 1, ${body}${JSON.stringify(key)}: ${JSON.stringify(value)}}`;
      return firstDuplicateKey(text)?.key === key;
    }),
    { numRuns: 2000 },
  );
  t.pass('4,000 documents judged as JSON.parse reads them');
});

t.test(
  'the CLI: invalid UTF-8 is an error with its line (exit 1), not silently replaced',
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'vc-utf8-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from('register: 1\nparties:\n  - { id: a, name: "'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('", kind: company }\n'),
      ]),
    );
    const err: string[] = [];
    const code = await run(
      ['check', file],
      {},
      { out: () => {}, err: (s) => err.push(s), width: 100 },
    );
    t.equal(code, 1);
    t.same(err, [
      `${file}:3: error: (document): not valid UTF-8 (byte 42); save the file as UTF-8`,
    ]);
  },
);
