import t from 'tap';
import { appWith, demoRegister, gql } from '../helpers/app.js';

const app = await appWith(t, await demoRegister());
const ids = async (text: string, first?: number) => {
  const { data, errors } = await gql(
    app,
    'query($t: String!, $f: Int) { searchParties(text: $t, first: $f) { id } }',
    { t: text, f: first },
  );
  t.equal(errors, undefined);
  return data.searchParties.map((p: { id: string }) => p.id);
};

t.test('Japanese names, English aka and ids, case and width folded', async (t) => {
  t.same(await ids('武雄市'), ['takeo-city']);
  t.same(await ids('Takeo City'), ['takeo-city'], 'aka');
  t.same(await ids('ＴＡＫＥＯ'), ['takeo-city'], 'full-width upper case');
  t.same(await ids('mishima'), ['mishima-city'], 'id or aka prefix');
  t.ok((await ids('cotode')).includes('cotode'));
});

t.test('exact matches before prefixes before substrings; first limits', async (t) => {
  const hits = await ids('makeshop');
  t.equal(hits[0], 'makeshop', 'the exact id first');
  t.ok(hits.includes('gmo-makeshop'), 'a substring match follows');
  t.ok(hits.indexOf('makeshop') < hits.indexOf('gmo-makeshop'));
  t.same(await ids('makeshop', 1), ['makeshop']);
  t.same(await ids('no such party anywhere'), []);
});

t.test('bad input names the argument', async (t) => {
  for (const [vars, pattern] of [
    [{ t: '   ' }, /^text: must contain something/],
    [{ t: 'x'.repeat(201) }, /^text: must be at most 200/],
    [{ t: 'takeo', f: 0 }, /^first: must be a whole number from 1 to 100, got 0$/],
    [{ t: 'takeo', f: 101 }, /^first: must be a whole number from 1 to 100, got 101$/],
  ] as const) {
    const { status, errors } = await gql(
      app,
      'query($t: String!, $f: Int) { searchParties(text: $t, first: $f) { id } }',
      vars,
    );
    t.equal(status, 200);
    t.match(errors?.[0].message, pattern);
    t.equal(errors?.[0].extensions?.code, 'BAD_USER_INPUT');
  }
});

t.test('a register larger than one scan page is searched to the end', async (t) => {
  const parties = Array.from(
    { length: 620 },
    (_, i) => `  - { id: p${String(i).padStart(4, '0')}, name: 会社${i}, kind: company }`,
  );
  const big = await appWith(
    t,
    `register: 1\nparties:\n${parties.join('\n')}\n  - { id: zz-last, name: 最後の会社, aka: [The Last One], kind: company }\n`,
  );
  const { data } = await gql(big, '{ searchParties(text: "the last") { id name } }');
  t.same(data.searchParties, [{ id: 'zz-last', name: '最後の会社' }]);
});
