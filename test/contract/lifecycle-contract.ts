import { randomBytes } from 'node:crypto';
import type { Test } from 'tap';
import type { Entrustment, RegisterBatch } from '../../src/domain/model.js';
import type { StorePort } from '../../src/store/port.js';
import { entrustmentRecord, partyRecord } from '../helpers/records.js';

// The port's lifecycle rules on every store (src/store/port.ts): sync scopes, writes guarded by the
// generation they were planned at, removals refused while referenced (checked in the delete's
// transaction), `retired` kept, and revisions carried by the write's own audit entry.

const entrustment = (
  id: string,
  client: string,
  contractor: string,
  extra: Partial<Entrustment> = {},
): Entrustment =>
  entrustmentRecord(id, client, contractor, { data: [], reentrustment: 'unknown', ...extra });

function graph(p: string): RegisterBatch {
  return {
    sources: [
      { id: `${p}src`, kind: 'official' },
      { id: `${p}cert-src`, kind: 'official' },
    ],
    parties: [
      partyRecord(`${p}city`, { sources: [`${p}src`] }),
      partyRecord(`${p}vendor`, { parent: `${p}holding`, memberOf: [{ party: `${p}consortium` }] }),
      partyRecord(`${p}holding`, {
        certifications: [{ scheme: 'privacy-mark', status: 'active', sources: [`${p}cert-src`] }],
      }),
      partyRecord(`${p}consortium`, { kind: 'consortium' }),
      partyRecord(`${p}cart`, { kind: 'service', operator: `${p}holding` }),
      partyRecord(`${p}approver`),
    ],
    entrustments: [
      entrustment(`${p}city--vendor`, `${p}city`, `${p}vendor`, { under: [], from: '2015-01-01' }),
      entrustment(`${p}vendor--cart`, `${p}vendor`, `${p}cart`, {
        under: [`${p}city--vendor`],
        approvedBy: [`${p}approver`],
      }),
    ],
    incidents: [
      {
        id: `${p}leak`,
        party: `${p}cart`,
        kind: 'other',
        data: [],
        subjects: [],
        revisions: [],
        confidence: 'confirmed',
        sources: [],
      },
    ],
  };
}

const everyId = (b: RegisterBatch) => ({
  sources: b.sources.map((r) => r.id),
  parties: b.parties.map((r) => r.id),
  entrustments: b.entrustments.map((r) => r.id),
  incidents: b.incidents.map((r) => r.id),
});
const draft = (actor: string, summary: string) => ({
  at: '2026-01-01T00:00:00.000Z',
  actor,
  action: 'test',
  summary,
});

export function lifecycleContract(t: Test, store: StorePort): void {
  const written = async (t: Test) => {
    const p = `lc${randomBytes(4).toString('hex')}-`;
    const b = graph(p);
    await store.upsert(b);
    t.teardown(() => store.remove(everyId(b)));
    return { p, b };
  };

  t.test(
    'a sync scope holds what its last write listed; removed entrustments leave it',
    async (t) => {
      const { p, b } = await written(t);
      const scope = `${p}scope`;
      t.same(await store.scopeHoldings(scope), [], 'a scope never written holds nothing');
      await store.upsert(b, undefined, undefined, {
        scope: { name: scope, entrustments: [`${p}vendor--cart`, `${p}city--vendor`] },
      });
      t.same(await store.scopeHoldings(scope), [`${p}city--vendor`, `${p}vendor--cart`], 'sorted');
      await store.upsert({ ...b, entrustments: [b.entrustments[1]!] }, undefined, undefined, {
        scope: { name: scope, entrustments: [`${p}vendor--cart`] },
      });
      t.same(await store.scopeHoldings(scope), [`${p}vendor--cart`], 'replaced, not added to');
      t.same(await store.scopeHoldings(`${p}other`), [], 'scopes are apart');
      await store.remove({ entrustments: [`${p}vendor--cart`] });
      t.same(await store.scopeHoldings(scope), []);
    },
  );

  t.test('retired is kept as written, and absent stays absent', async (t) => {
    const { p, b } = await written(t);
    const retired = { ...b.entrustments[1]!, to: '2024-04-01', retired: true as const };
    await store.upsert({ sources: [], parties: [], incidents: [], entrustments: [retired] });
    t.strictSame(await store.entrustments([retired.id]), [retired]);
    t.notOk('retired' in (await store.entrustments([`${p}city--vendor`]))[0]!);
    t.same(
      (await store.entrustmentsInto([`${p}cart`], { from: '2024-04-01' })).map((e) => e.id),
      [],
      'its end closes it for later windows',
    );
  });

  t.test(
    'a write planned at another generation writes nothing, not even its audit entry',
    async (t) => {
      const { p, b } = await written(t);
      const actor = `${p}tester`;
      const planned = await store.generation();
      await store.upsert({
        sources: [],
        parties: [partyRecord(`${p}between`)],
        entrustments: [],
        incidents: [],
      });
      t.teardown(() => store.remove({ parties: [`${p}between`] }));
      const late = { ...b.entrustments[0]!, note: 'planned on an older store' };
      await t.rejects(
        store.upsert(
          { sources: [], parties: [], incidents: [], entrustments: [late] },
          undefined,
          draft(actor, 'late'),
          { expectedGeneration: planned, scope: { name: `${p}s`, entrustments: [late.id] } },
        ),
        { code: 'VC_STORE_BUSY' },
      );
      await t.rejects(
        store.remove({ parties: [`${p}between`] }, draft(actor, 'late removal'), {
          expectedGeneration: planned,
        }),
        { code: 'VC_STORE_BUSY' },
      );
      t.notOk((await store.entrustments([late.id]))[0]!.note, 'the record is unchanged');
      t.same(await store.scopeHoldings(`${p}s`), [], 'the scope is unchanged');
      t.same((await store.parties([`${p}between`])).length, 1, 'the party is still there');
      const current = await store.generation();
      await store.upsert(
        { sources: [], parties: [], incidents: [], entrustments: [late] },
        undefined,
        draft(actor, 'on time'),
        { expectedGeneration: current },
      );
      t.equal(await store.generation(), current + 1);
      t.same(
        (await store.auditLog(500, null))
          .filter((e) => e.actor === actor)
          .map((e) => [e.id, e.summary]),
        [[String(current + 1), 'on time']],
      );
    },
  );

  t.test(
    'a removal is refused while another record refers to what would go, in every field that can',
    async (t) => {
      const { p } = await written(t);
      const actor = `${p}tester`;
      const before = await store.generation();
      const refs = async (ids: Parameters<StorePort['remove']>[0]) =>
        (await store.remove(ids, draft(actor, 'refused'), { refuseReferenced: true })).map(
          (r) =>
            `${r.from.kind}/${r.from.id.slice(p.length)} ${r.field} ${r.to.kind}/${r.to.id.slice(p.length)}`,
        );
      t.same(await refs({ entrustments: [`${p}city--vendor`] }), [
        'entrustments/vendor--cart under entrustments/city--vendor',
      ]);
      t.same(await refs({ parties: [`${p}holding`, `${p}approver`, `${p}consortium`] }), [
        'entrustments/vendor--cart approvedBy parties/approver',
        'parties/vendor memberOf parties/consortium',
        'parties/cart operator parties/holding',
        'parties/vendor parent parties/holding',
      ]);
      t.same(
        await refs({ parties: [`${p}city`, `${p}cart`] }),
        [
          'entrustments/vendor--cart contractor parties/cart',
          'incidents/leak party parties/cart',
          'entrustments/city--vendor client parties/city',
        ],
        'by what would go, then by who names it',
      );
      t.same(await refs({ sources: [`${p}src`, `${p}cert-src`] }), [
        'parties/holding certifications.sources sources/cert-src',
        'parties/city sources sources/src',
      ]);
      t.equal(await store.generation(), before, 'refusals write nothing, not even a generation');
      t.same(
        (await store.auditLog(500, null)).filter((e) => e.actor === actor),
        [],
        'nor an audit entry',
      );
      t.same(
        await refs({
          entrustments: [`${p}vendor--cart`, `${p}city--vendor`],
          incidents: [`${p}leak`],
          parties: [`${p}cart`, `${p}approver`],
        }),
        [],
        'removed together, nothing refers to them',
      );
      t.same(await store.entrustments([`${p}vendor--cart`, `${p}city--vendor`]), []);
      t.same(await store.parties([`${p}cart`]), []);
    },
  );

  t.test(
    "a revision is carried by its write's audit entry, and only a committed write has one",
    async (t) => {
      const p = `lc${randomBytes(4).toString('hex')}-`;
      const actor = `${p}tester`;
      const b = { sources: [], parties: [partyRecord(`${p}a`)], entrustments: [], incidents: [] };
      t.teardown(() => store.remove({ parties: [`${p}a`] }));
      const revision = {
        scope: `${p}s`,
        added: [`parties/${p}a`],
        changed: [],
        retired: [],
        removed: [],
      };
      await store.upsert(b, undefined, { ...draft(actor, 'with revision'), revision });
      await store.remove(
        { parties: [`${p}a`] },
        {
          ...draft(actor, 'removed'),
          revision: { added: [], changed: [], retired: [], removed: [`parties/${p}a`] },
        },
      );
      const mine = (await store.auditLog(500, null)).filter((e) => e.actor === actor);
      t.same(
        mine.map((e) => e.revision),
        [{ added: [], changed: [], retired: [], removed: [`parties/${p}a`] }, revision],
      );
    },
  );
}
