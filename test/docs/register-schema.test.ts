import { readFile, writeFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import t from 'tap';
import { parse } from 'yaml';
import { inProject } from '../../src/paths.js';
import { registerJsonSchemaText } from '../../src/register/json-schema.js';

// docs/register.schema.json is generated from the zod schemas (`npm run schema`); it must match
// them, accept the registers the project ships and refuse what the validator refuses.
const path = inProject('docs', 'register.schema.json');
const generated = registerJsonSchemaText();
if (process.env.TAP_SNAPSHOT === '1') await writeFile(path, generated);
const committed = await readFile(path, 'utf8');
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(committed));
const yamlFile = async (...parts: string[]) => parse(await readFile(inProject(...parts), 'utf8'));

t.test('the committed JSON Schema is the one generated from the zod schemas', async (t) => {
  t.equal(committed, generated, 'docs/register.schema.json is stale: run `npm run schema`');
});

t.test('it accepts the demo register and the documented example', async (t) => {
  for (const doc of [
    await yamlFile('examples', 'demo-register.yaml'),
    await yamlFile('docs', 'example-register.yaml'),
  ]) {
    t.ok(validate(doc), JSON.stringify(validate.errors));
  }
});

t.test('it refuses unknown keys, bad dates, unknown kinds and a missing version', async (t) => {
  const base = { register: 1, parties: [{ id: 'town', name: '町', kind: 'municipality' }] };
  t.ok(validate(base));
  const bad: [string, unknown][] = [
    ['unknown key', { ...base, parties: [{ ...base.parties[0], colour: 'red' }] }],
    [
      'bad date',
      { ...base, incidents: [{ id: 'i', party: 'town', kind: 'other', from: '2014-9-1' }] },
    ],
    ['unknown kind', { ...base, parties: [{ ...base.parties[0], kind: 'saas' }] }],
    ['no version', { parties: base.parties }],
    ['bad id', { ...base, parties: [{ ...base.parties[0], id: 'Town' }] }],
  ];
  for (const [what, doc] of bad) t.notOk(validate(doc), what);
});

t.test('the example in register-format.md is example-register.yaml, verbatim', async (t) => {
  const md = await readFile(inProject('docs', 'register-format.md'), 'utf8');
  const inline = /## A complete example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(md)?.[1];
  t.equal(inline, await readFile(inProject('docs', 'example-register.yaml'), 'utf8'));
});
