import fc from 'fast-check';
import t from 'tap';
import { checkRegisters } from '../../src/register/import.js';
import { JsonLineFinder } from '../../src/register/json-lines.js';
import { LineFinder } from '../../src/register/parse.js';
import type { PathSegment } from '../../src/register/problems.js';

// Lines of problems in JSON registers come from one bounded-memory scan; they must be the lines
// the YAML parser (which builds a whole node tree) would give.

/** Every path to a value in `value`, the document itself included. */
function pathsOf(value: unknown, at: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

t.test(
  'the scan agrees with the YAML parser on every path of generated JSON documents',
  async (t) => {
    await fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })),
        fc.integer({ min: 0, max: 4 }),
        (value, indent) => {
          const text = JSON.stringify(value, null, indent);
          const paths = pathsOf(value);
          const scan = new JsonLineFinder(text, paths);
          const yaml = new LineFinder(text);
          return paths.every((p) => scan.lineOf(p) === yaml.lineOf(p));
        },
      ),
      { numRuns: 300 },
    );
    t.pass('300 documents');
  },
);

t.test(
  'a missing field is placed at its object; problems in a JSON register get their lines',
  async (t) => {
    const text = JSON.stringify(
      {
        register: 1,
        parties: [
          { id: 'a', name: 'A', kind: 'company' },
          { id: 'b', kind: 'company' },
        ],
        entrustments: [{ id: 'x', client: 'a', contractor: 'b', from: '2014-13-01' }],
      },
      null,
      2,
    );
    const report = await checkRegisters([{ text }]);
    t.same(
      report.errors.map((e) => [e.path, e.line]),
      [
        ['parties[1].name', 9],
        ['entrustments[0].from', 19],
      ],
    );
    t.equal(
      new JsonLineFinder(text, [['parties', 1, 'name']]).lineOf(['parties', 1, 'name']),
      new LineFinder(text).lineOf(['parties', 1, 'name']),
    );
  },
);
