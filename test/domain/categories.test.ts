import t from 'tap';
import {
  covers,
  intersect,
  loadTaxonomy,
  minimize,
  overlaps,
} from '../../src/domain/categories.js';

t.test('a key covers its descendants, not its siblings', async (t) => {
  t.ok(covers('user.contact', 'user.contact.email'));
  t.ok(covers('user.contact', 'user.contact'));
  t.notOk(covers('user.contact', 'user.contactless'));
  t.notOk(covers('user.contact.email', 'user.contact'));
});

t.test('intersection keeps the more specific key of each overlapping pair', async (t) => {
  t.same(intersect(['user.contact'], ['user.contact.email', 'user.name']), ['user.contact.email']);
  t.same(
    intersect(['user.name', 'user.financial'], ['user.financial.credit_card', 'user.contact']),
    ['user.financial.credit_card'],
  );
  t.same(intersect(['user.name'], ['user.contact']), []);
  t.same(intersect(null, ['user.name']), ['user.name']);
  t.equal(intersect(null, null), null);
});

t.test('minimize drops keys covered by a more general one', async (t) => {
  t.same(minimize(['user.contact.email', 'user.contact', 'user.name']), [
    'user.contact',
    'user.name',
  ]);
});

t.test('overlap is symmetric and unknown data overlaps anything', async (t) => {
  t.ok(overlaps(['user.contact.email'], ['user.contact']));
  t.notOk(overlaps(['user.name'], ['user.contact']));
  t.ok(overlaps(null, ['user.name']));
});

t.test(
  'the taxonomy knows fideslang keys, maps deprecated ones and accepts children of known keys',
  async (t) => {
    const tax = loadTaxonomy();
    t.same(tax.classify('user.contact.email'), { status: 'known' });
    t.same(tax.classify('user.health_and_medical'), {
      status: 'deprecated',
      replacedBy: 'user.health',
    });
    t.same(tax.classify('user.government_id.my_number'), { status: 'custom' });
    t.same(tax.classify('user.nonsense.deep'), { status: 'unknown' });
    t.same(tax.classify('bogus'), { status: 'unknown' });
  },
);
