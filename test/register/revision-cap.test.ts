import t from 'tap';
import { REVISION_IDS_MAX, revisionOf } from '../../src/register/audit.js';
import { revisions } from '../../src/register/revisions.js';
import { tempStore } from '../helpers/app.js';

// A bulk import's revision keeps the first REVISION_IDS_MAX ids of a list and the counts, so one
// audit entry stays small enough to read back with every page of the log.

t.test(
  'lists past the cap are cut, with the counts; small revisions are kept whole, without counts',
  async (t) => {
    const many = Array.from({ length: REVISION_IDS_MAX + 5 }, (_, i) => `parties/p${i}`);
    const cut = revisionOf({
      scope: 's',
      added: many,
      changed: ['parties/x'],
      retired: [],
      removed: [],
    });
    t.same(
      [cut.added.length, cut.added.at(-1), cut.changed, cut.counts],
      [
        REVISION_IDS_MAX,
        `parties/p${REVISION_IDS_MAX - 1}`,
        ['parties/x'],
        { added: REVISION_IDS_MAX + 5, changed: 1, retired: 0, removed: 0 },
      ],
    );
    const small = { added: ['parties/a'], changed: [], retired: [], removed: [] };
    t.strictSame(revisionOf(small), small);
  },
);

t.test('revisions read counts back, and count the lists of revisions that have none', async (t) => {
  const store = await tempStore(t);
  const many = Array.from({ length: REVISION_IDS_MAX + 1 }, (_, i) => `parties/p${i}`);
  await store.remove(
    { parties: ['none'] },
    {
      at: '2024-01-01T00:00:00.000Z',
      actor: 'a',
      action: 'remove',
      summary: 's',
      revision: revisionOf({ added: [], changed: [], retired: [], removed: many }),
    },
  );
  await store.remove(
    { parties: ['none'] },
    {
      at: '2024-01-02T00:00:00.000Z',
      actor: 'a',
      action: 'remove',
      summary: 's',
      revision: { added: [], changed: [], retired: [], removed: ['parties/b'] },
    },
  );
  const [small, bulk] = await revisions(store, 2);
  t.same(small?.counts, { added: 0, changed: 0, retired: 0, removed: 1 });
  t.same([bulk?.removed.length, bulk?.counts.removed], [REVISION_IDS_MAX, REVISION_IDS_MAX + 1]);
  await t.rejects(revisions(store, 501), {
    code: 'BAD_USER_INPUT',
    message: 'first: must be between 1 and 500, got 501',
  });
});
