import fc from 'fast-check';
import { inspect, isDeepStrictEqual } from 'node:util';
import t from 'tap';
import { parseDocument, stringify } from 'yaml';
import { generate } from '../../bench/generate.js';
import { FAST_YAML_FROM, fastYaml, parseRegisterText } from '../../src/register/parse.js';

// Large YAML registers are read by js-yaml, ten times faster than the yaml package (parse.ts).
// Whatever js-yaml accepts must read exactly as the yaml package reads it; what it refuses falls
// back to the yaml package, which says where the problem is.

const slow = (text: string) =>
  parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 1000 });

// Scalars whose type depends on the YAML schema: a plain `0x1F` or `True` is a number or a boolean
// in one schema and a string in another.
const tricky = fc.constantFrom(
  '0x1F',
  '0o17',
  '0b101',
  '017',
  '1_000',
  '1e3',
  '.5',
  '+1',
  '-.inf',
  '.NaN',
  'True',
  'FALSE',
  'yes',
  'No',
  'on',
  'Off',
  '~',
  'Null',
  'NULL',
  '2014-09-25',
  '2014-09-25T10:00:00Z',
  '12:30',
  '1:20:30',
  '<<',
  '=',
  '!',
  '%x',
  '@x',
  '`x',
  '|',
  '>',
  '"',
  "'",
  '#',
  'a #b',
  'a: b',
  '- x',
  '? x',
  '',
  ' ',
  'é',
  '武雄市',
  'line\nbreak',
  'tab\there',
  '__proto__',
  'constructor',
);
const scalar = fc.oneof(
  tricky,
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(
    fc.oneof(
      fc.string({ minLength: 1 }),
      tricky.filter((k) => k !== ''),
    ),
    tie('node'),
    { maxKeys: 4 },
  ),
})).node;
const style = fc.record({
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<
    'any' | 'block' | 'flow'
  >,
  defaultStringType: fc.constantFrom(
    'PLAIN',
    'QUOTE_DOUBLE',
    'QUOTE_SINGLE',
    'BLOCK_LITERAL',
    'BLOCK_FOLDED',
  ) as fc.Arbitrary<'PLAIN'>,
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE') as fc.Arbitrary<null>,
});

t.test('whatever js-yaml accepts reads as the yaml package reads it', async (t) => {
  let fastPath = 0;
  fc.assert(
    fc.property(value, style, (v, options) => {
      const text = stringify({ register: 1, v }, options);
      const fast = fastYaml(text, 0);
      if (fast === undefined) return true;
      fastPath++;
      // Strictly equal, so a number is never a string that looks like it (nor -0 a 0).
      if (!isDeepStrictEqual(fast, slow(text)))
        throw new Error(
          `read differently:\n${text}\njs-yaml: ${inspect(fast)}\nyaml: ${inspect(slow(text))}`,
        );
      return true;
    }),
    { numRuns: 3000 },
  );
  t.ok(fastPath > 2000, `${fastPath} of 3000 generated documents were read by js-yaml, and equal`);
});

t.test('a large register is read by js-yaml, the same as by the yaml package', async (t) => {
  const text = stringify(JSON.parse(generate(1500, 3).document));
  t.ok(text.length > FAST_YAML_FROM, `${(text.length / 1024 / 1024).toFixed(1)} MB of YAML`);
  const fast = fastYaml(text);
  t.not(fast, undefined, 'js-yaml read it');
  t.same(fast, slow(text), 'as the yaml package does');
  const parsed = parseRegisterText(text);
  t.same(parsed.ok && parsed.value, fast, 'and the import takes it');
});

t.test(
  'js-yaml leaves to the yaml package what it cannot read as the yaml package would',
  async (t) => {
    const big = (body: string) => `${body}\n${'# padding\n'.repeat(FAST_YAML_FROM / 10 + 1)}`;
    t.equal(
      fastYaml(big('register: 1\nparties: []')) !== undefined,
      true,
      'a plain large document: read',
    );
    t.equal(
      fastYaml('register: 1\nparties: []'),
      undefined,
      'a small one: left to the yaml package',
    );
    t.equal(
      fastYaml(big('a: &x [1]\nb: *x')),
      undefined,
      'an alias (which js-yaml would not count): left',
    );
    t.equal(fastYaml(big('note: "a * b"')), undefined, 'any "*" at all: left');
    t.equal(
      fastYaml(big('a: 1\na: 2')),
      undefined,
      'a duplicate key: left, so the error gives its line',
    );
    t.equal(fastYaml(big('a: 1\n---\nb: 2')), undefined, 'two documents: left');
    t.equal(fastYaml(big('a: !!binary aGk=')), undefined, 'a tag outside the core schema: left');
    t.equal(fastYaml(big('a: [1')), undefined, 'a syntax error: left');
    t.equal(
      fastYaml(big('')),
      null,
      'a document of comments only: null, as the yaml package reads it',
    );
    t.equal(slow(big('')), null);
    const broken = parseRegisterText(big('register: 1\nparties:\n  - id: a\n    id: b'));
    t.same(
      broken.ok ? null : broken.problems[0],
      { path: '(document)', message: 'not valid YAML or JSON: Map keys must be unique', line: 4 },
      'the error of a large register still has its line',
    );
  },
);
