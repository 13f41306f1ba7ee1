import { readFile } from 'node:fs/promises';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { appWith, demoRegister } from '../helpers/app.js';

// The README's first GraphQL example and its answer: the answer block is what the query returns
// on the demo data, to the value.
const readme = await readFile(inProject('README.md'), 'utf8');
const example =
  /## Example[^\n]*\n[\s\S]*?```graphql\n([\s\S]*?)```[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);

t.test('the README example query answers exactly the JSON shown under it', async (t) => {
  t.ok(example, 'README has an example query followed by its answer');
  const app = await appWith(t, await demoRegister());
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: example![1] },
  });
  t.same(res.json(), JSON.parse(example![2]!));
});
