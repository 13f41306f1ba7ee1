import { readFile } from 'node:fs/promises';
import t from 'tap';
import { parse } from 'yaml';
import { inferenceMatcher } from '../../src/domain/inference-matcher.js';
import { performsByInference } from '../../src/domain/links.js';
import { registerSchema, type Entrustment } from '../../src/domain/model.js';
import { inProject } from '../../src/paths.js';

// The whole-graph matcher is an optimisation of performsByInference: it must agree on every pair.

async function entrustmentsOf(...files: string[]): Promise<Entrustment[]> {
  const all: Entrustment[] = [];
  for (const file of files) all.push(...registerSchema.parse(parse(await readFile(inProject(...file.split('/')), 'utf8'))).entrustments);
  return all;
}

t.test('agrees with performsByInference on every pair of the demo and the semantics fixtures', async (t) => {
  const fixtures = ['inferred-links.yaml', 'inferred-redelegation.yaml', 'cycle.yaml', 'diamond.yaml', 'window-and-data.yaml'].map((f) => `test/fixtures/semantics/${f}`);
  for (const files of [['examples/demo-register.yaml'], fixtures]) {
    const all = await entrustmentsOf(...files);
    const matches = inferenceMatcher(all);
    let agreed = 0;
    let inferred = 0;
    for (let e = 0; e < all.length; e++) {
      for (let u = 0; u < all.length; u++) {
        const expected = performsByInference(all[e]!, all[u]!);
        if (matches(e, u) === expected) agreed += 1;
        if (expected) inferred += 1;
      }
    }
    t.equal(agreed, all.length * all.length, `${files.length === 1 ? 'demo' : 'fixtures'}: every pair agrees`);
    t.ok(inferred > 0, 'some pairs are inferred links, so agreement is not vacuous');
  }
});
