import t from 'tap';
import {
  covers,
  intersect,
  taxonomyWith,
  unknownCategoryMessage,
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
  'the taxonomy knows fideslang keys, maps deprecated ones and takes declared ones as custom',
  async (t) => {
    const tax = taxonomyWith(['user.government_id.my_number']);
    t.same(tax.classify('user.contact.email'), { status: 'known' });
    t.same(tax.classify('user.health_and_medical'), {
      status: 'deprecated',
      replacedBy: 'user.health',
    });
    t.same(tax.classify('user.government_id.my_number'), { status: 'custom' });
    t.same(
      taxonomyWith().classify('user.government_id.my_number'),
      { status: 'unknown' },
      'a child of a known key is custom only when declared',
    );
    t.same(tax.classify('user.contactt'), { status: 'unknown' }, 'a typo is never custom');
    t.same(tax.classify('user.nonsense.deep'), { status: 'unknown' });
    t.same(tax.classify('bogus'), { status: 'unknown' });
  },
);

t.test('an unknown key is answered with the nearest known keys', async (t) => {
  const tax = taxonomyWith(['user.government_id.my_number']);
  t.equal(tax.suggest('user.contactt')[0], 'user.contact', 'the nearest first');
  t.equal(tax.suggest('user.government_id.my_numbr')[0], 'user.government_id.my_number');
  t.same(tax.suggest('completely.different.words'), []);
  t.equal(tax.suggest('USER.CONTACT')[0], 'user.contact', 'case is not a distance');
  t.equal(tax.suggest('User.Contact.Emial')[0], 'user.contact.email');
  t.match(
    unknownCategoryMessage('user.contactt', tax),
    /"user\.contactt".*did you mean user\.contact\b/,
  );
  t.match(unknownCategoryMessage('zzz', tax), /use a fideslang key such as user\.contact\.email$/);
});
