import { randomBytes } from 'node:crypto';
import type { Test } from 'tap';
import type {
  Entrustment,
  Incident,
  Party,
  RegisterBatch,
  Source,
} from '../../src/domain/model.js';
import type { WalkLink } from '../../src/domain/exposure/walk-link.js';
import type { EntrustmentLink } from '../../src/domain/graph/link-graph.js';
import type { FamilyTie, StorePort } from '../../src/store/port.js';
import { defined, entrustmentRecord, partyRecord } from '../helpers/records.js';
import { lifecycleContract } from './lifecycle-contract.js';

// The one suite every store passes (src/store/port.ts states the rules). Ids carry a random
// prefix and every test removes what it wrote, so the suite can run on a shared Neo4j database.

const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();
/** A scanned link's own fields: a store may add what a path reads (confidence …), or not. */
const linkFields = ({ confidence: _c, disclosed: _d, subjects: _s, ...link }: WalkLink) =>
  defined(link);

function fixture(p: string) {
  const party = (id: string, extra: Partial<Party> = {}): Party =>
    partyRecord(p + id, { name: `名前 ${id}`, ...extra });
  const entrustment = (
    id: string,
    client: string,
    contractor: string,
    extra: Partial<Entrustment> = {},
  ): Entrustment =>
    entrustmentRecord(p + id, p + client, p + contractor, {
      data: [],
      reentrustment: 'unknown',
      ...extra,
    });
  const sources: Source[] = [
    {
      id: `${p}src`,
      kind: 'official',
      url: 'https://example.org/notice',
      title: 'お知らせ',
      published: '2014-09-25',
    },
  ];
  const parties = [
    party('city', {
      kind: 'municipality',
      country: 'JP',
      aka: ['City', 'Shi'],
      sources: [`${p}src`],
      contact: {
        email: 'privacy@example.jp',
        phone: '+81-3-1234-5678',
        url: 'https://example.jp/privacy',
      },
    }),
    party('vendor', { parent: `${p}holding` }),
    party('holding'),
    party('cart', {
      kind: 'service',
      operator: `${p}holding`,
      certifications: [
        {
          scheme: 'privacy-mark',
          status: 'suspended',
          from: '2020-08-24',
          to: '2020-09-24',
          sources: [],
        },
      ],
    }),
  ];
  const entrustments = [
    entrustment('city--vendor', 'city', 'vendor', {
      under: [],
      data: ['user.name', 'user.contact'],
      from: '2013-04-01',
      to: '2015-04-01',
      records: 120000,
      storage: ['JP'],
      access: ['JP', 'CN'],
    }),
    entrustment('vendor--cart', 'vendor', 'cart', {
      under: [`${p}city--vendor`],
      disclosed: false,
      note: '再委託',
    }),
    entrustment('vendor--cart-later', 'vendor', 'cart', { from: '2016-01-01' }),
  ];
  const incidents: Incident[] = [
    {
      id: `${p}leak`,
      party: `${p}cart`,
      kind: 'unauthorized-access',
      from: '2014-09-01',
      to: '2014-09-25',
      data: ['user.contact'],
      subjects: [],
      revisions: [{ date: '2016-06-21', records: 620000 }],
      confidence: 'reported',
      sources: [],
    },
  ];
  return { sources, parties, entrustments, incidents } satisfies RegisterBatch;
}

const everyId = (b: RegisterBatch) => ({
  sources: ids(b.sources),
  parties: ids(b.parties),
  entrustments: ids(b.entrustments),
  incidents: ids(b.incidents),
});

export async function storeContract(t: Test, open: () => Promise<StorePort>): Promise<void> {
  const store = await open();
  t.teardown(() => store.close());

  /** A fresh prefix and batch per test, removed when the test ends. */
  const written = async (t: Test, batch?: (p: string) => RegisterBatch) => {
    const p = `ct${randomBytes(4).toString('hex')}-`;
    const b = (batch ?? fixture)(p);
    await store.upsert(b);
    t.teardown(() => store.remove(everyId(b)));
    return { p, b };
  };

  t.test('records come back exactly as written; unknown ids are absent', async (t) => {
    const { p, b } = await written(t);
    t.strictSame(
      await store.parties([`${p}city`, `${p}nobody`, `${p}city`]),
      [b.parties[0]],
      'with its contact',
    );
    const got = await store.entrustments(b.entrustments.map((e) => e.id));
    for (const e of b.entrustments)
      t.strictSame(
        got.find((g) => g.id === e.id),
        e,
        e.id,
      );
    t.notOk(
      'under' in got.find((g) => g.id === `${p}vendor--cart-later`)!,
      'absent under stays absent',
    );
    t.same((await store.entrustments([`${p}city--vendor`]))[0]?.under, [], 'under: [] stays []');
    t.strictSame(await store.incidents([`${p}leak`]), b.incidents);
    t.strictSame(await store.sources([`${p}src`]), b.sources);
    t.same(await store.parties([]), []);
  });

  t.test(
    'entrustments into and from parties, with a window that intersects [from, to)',
    async (t) => {
      const { p } = await written(t);
      t.same(ids(await store.entrustmentsInto([`${p}cart`])), [
        `${p}vendor--cart`,
        `${p}vendor--cart-later`,
      ]);
      t.same(ids(await store.entrustmentsFrom([`${p}vendor`, `${p}city`])), [
        `${p}city--vendor`,
        `${p}vendor--cart`,
        `${p}vendor--cart-later`,
      ]);
      t.same(
        ids(await store.entrustmentsInto([`${p}vendor`], { from: '2015-04-01', to: '2016-01-01' })),
        [],
        'ended on the day the window opens',
      );
      t.same(ids(await store.entrustmentsInto([`${p}vendor`], { from: '2015-03-31', to: null })), [
        `${p}city--vendor`,
      ]);
      t.same(
        ids(await store.entrustmentsInto([`${p}cart`], { from: '2014-01-01', to: '2016-01-01' })),
        [`${p}vendor--cart`],
        'starts on the day the window closes',
      );
      t.same(
        ids(await store.entrustmentsInto([`${p}cart`], { from: '2016-01-01' })),
        [`${p}vendor--cart`, `${p}vendor--cart-later`],
        'open ends intersect',
      );
      t.same(await store.entrustmentsInto([`${p}nobody`]), []);
    },
  );

  t.test('one round of a walk up: into parties, by id, never less', async (t) => {
    const { p } = await written(t);
    const window = { from: '2014-09-01', to: '2014-09-25' };
    const intoCart = await store.upstreamRound([`${p}cart`], [], window);
    const got = ids(intoCart);
    for (const id of [`${p}vendor--cart`, `${p}vendor--cart-later`])
      t.ok(got.includes(id), `${id} goes into cart (of any period)`);
    t.notOk(
      got.some((id) => !id.startsWith(p)),
      'nothing outside the chain that is walked',
    );
    const { confidence, disclosed, subjects, ...link } = intoCart.find(
      (r) => r.id === `${p}vendor--cart`,
    )!;
    t.strictSame(defined(link), {
      id: `${p}vendor--cart`,
      client: `${p}vendor`,
      contractor: `${p}cart`,
      under: [`${p}city--vendor`],
      data: [],
    });
    t.ok(confidence === undefined || confidence === 'confirmed', 'confidence as written');
    t.ok(disclosed === undefined || disclosed === false, 'disclosed as written');
    t.ok(subjects === undefined || subjects.length === 0, 'subjects as written');
    t.equal(
      intoCart.find((r) => r.id === `${p}vendor--cart-later`)!.under,
      undefined,
      'an absent under stays unknown, not []',
    );
    t.same(
      ids(await store.upstreamRound([], [`${p}city--vendor`, `${p}nothing`], window)),
      [`${p}city--vendor`],
      'by id; an unknown id is not an answer',
    );
    // A round as wide as a hub's: a store may read it in parts, and still gives each row once.
    const wide = Array.from({ length: 80 }, (_, i) => `${p}nobody${i}`);
    wide[1] = `${p}cart`;
    wide[2] = `${p}vendor`;
    t.same(
      ids(await store.upstreamRound(wide, [`${p}vendor--cart`, `${p}city--vendor`], {})),
      [`${p}city--vendor`, `${p}vendor--cart`, `${p}vendor--cart-later`],
      'a wide round: into every party asked and by id, each row once',
    );
    const byId = (await store.upstreamRound([], [`${p}city--vendor`], window))[0]!;
    t.strictSame(
      [byId.under, byId.records, byId.from, byId.to, byId.data],
      [[], 120000, '2013-04-01', '2015-04-01', ['user.name', 'user.contact']],
      'own data, records, dates and data as written',
    );
    t.same(await store.upstreamRound([`${p}holding`], [], {}), [], 'nothing goes into it');
    t.same(await store.upstreamRound([], [], {}), [], 'nothing asked, nothing read');
  });

  t.test('the sub-graph below a controller, as compact rows of any period', async (t) => {
    const { p } = await written(t);
    // Every entrustment a chain from the parties can meet, and none that their parties' reach
    // lacks: a store may stop at performers (Neo4j follows UNDER and PERFORMS) or hold every
    // entrustment of every party reached (the embedded store).
    const holds = (got: string[], every: string[], within: string[], what: string) =>
      t.ok(
        every.every((id) => got.includes(`${p}${id}`)) &&
          got.every((id) => within.some((w) => `${p}${w}` === id)),
        `${what}: ${got.join(', ') || 'none'}`,
      );
    const rows = await store.downstreamLinks([`${p}city`]);
    holds(
      ids(rows),
      ['city--vendor', 'vendor--cart'],
      ['city--vendor', 'vendor--cart', 'vendor--cart-later'],
      'the chain below the city',
    );
    const { confidence, disclosed, subjects, ...link } = rows.find(
      (r) => r.id === `${p}vendor--cart`,
    )!;
    t.strictSame(defined(link), {
      id: `${p}vendor--cart`,
      client: `${p}vendor`,
      contractor: `${p}cart`,
      under: [`${p}city--vendor`],
      data: [],
    });
    t.ok(confidence === undefined || confidence === 'confirmed', 'confidence as written');
    t.ok(disclosed === undefined || disclosed === false, 'disclosed as written');
    t.ok(subjects === undefined || subjects.length === 0, 'subjects as written');
    const vendors = await store.downstreamLinks([`${p}vendor`]);
    t.equal(
      vendors.find((r) => r.id === `${p}vendor--cart-later`)!.under,
      undefined,
      'an absent under stays unknown, not []',
    );
    holds(
      ids(vendors),
      ['vendor--cart-later'],
      ['vendor--cart', 'vendor--cart-later'],
      "the vendor's own chain",
    );
    t.same(
      ids(await store.downstreamLinks([`${p}city`], '2016-06-01')),
      [],
      'on a day its own entrustment had ended, nothing is reached through it',
    );
    holds(
      ids(await store.downstreamLinks([`${p}vendor`], '2016-06-01')),
      ['vendor--cart-later'],
      ['vendor--cart', 'vendor--cart-later'],
      'in force on the day: the one begun',
    );
    holds(
      ids(await store.downstreamLinks([`${p}vendor`], '2015-06-01')),
      [],
      ['vendor--cart'],
      'not yet begun: left out',
    );
    t.same(await store.downstreamLinks([`${p}cart`]), [], 'a party that entrusts nothing');
    t.same(await store.downstreamLinks([]), []);
  });

  t.test('a corporate family through parents and operators, either way', async (t) => {
    const { p } = await written(t);
    const byId = (list: FamilyTie[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    const family = [
      { id: `${p}cart`, kind: 'service', operator: `${p}holding` },
      { id: `${p}holding`, kind: 'company' },
      { id: `${p}vendor`, kind: 'company', parent: `${p}holding` },
    ];
    t.strictSame(byId(await store.corporateFamily([`${p}cart`])), family, 'from a service');
    t.strictSame(byId(await store.corporateFamily([`${p}vendor`])), family, 'from a subsidiary');
    t.strictSame(
      await store.corporateFamily([`${p}city`]),
      [{ id: `${p}city`, kind: 'municipality' }],
      'a party of no group is its own family',
    );
    t.same(await store.corporateFamily([`${p}nobody`]), [], 'an unknown party has none');
  });

  t.test(
    'declared re-entrustments, incidents, group members and services by their keys',
    async (t) => {
      const { p } = await written(t);
      t.same(ids(await store.entrustmentsUnder([`${p}city--vendor`])), [`${p}vendor--cart`]);
      t.same(ids(await store.incidentsAt([`${p}cart`, `${p}city`])), [`${p}leak`]);
      t.same(ids(await store.partiesWithParent([`${p}holding`])), [`${p}vendor`]);
      t.same(ids(await store.servicesOperatedBy([`${p}holding`])), [`${p}cart`]);
    },
  );

  t.test('writing an id again replaces the record and what it is found by', async (t) => {
    const { p, b } = await written(t);
    const moved = { ...b.entrustments[1]!, contractor: `${p}holding`, under: [] };
    await store.upsert({ sources: [], parties: [], incidents: [], entrustments: [moved] });
    t.same(
      ids(await store.entrustmentsInto([`${p}cart`])),
      [`${p}vendor--cart-later`],
      'no longer found by its old contractor',
    );
    t.same(ids(await store.entrustmentsInto([`${p}holding`])), [`${p}vendor--cart`]);
    t.same(await store.entrustmentsUnder([`${p}city--vendor`]), [], 'nor by its old under');
    await store.upsert(b);
    await store.upsert(b);
    t.same(
      ids(await store.entrustmentsInto([`${p}cart`])),
      [`${p}vendor--cart`, `${p}vendor--cart-later`],
      're-importing is idempotent',
    );
  });

  t.test('a batch that fails part-way writes nothing', async (t) => {
    const { p, b } = await written(t);
    const circular: Record<string, unknown> = { ...b.parties[0]!, id: `${p}late`, name: 'Late' };
    circular.self = circular;
    const batch = fixture(`${p}x-`);
    batch.parties.push(circular as unknown as Party);
    await t.rejects(store.upsert(batch));
    t.same(await store.parties(batch.parties.map((x) => x.id)), [], 'none of the batch');
    t.same(await store.entrustments(batch.entrustments.map((x) => x.id)), []);
  });

  t.test('scans page through in id order', async (t) => {
    const { p } = await written(t);
    const all: string[] = [];
    for (
      let after: string | null = `${p}`, page: Party[];
      (page = await store.scanParties(after, 2)).length > 0;
      after = page.at(-1)!.id
    ) {
      t.ok(page.length <= 2);
      all.push(...page.filter((x) => x.id.startsWith(p)).map((x) => x.id));
      if (!page.at(-1)!.id.startsWith(p)) break;
    }
    t.same(all, [`${p}cart`, `${p}city`, `${p}holding`, `${p}vendor`]);
    const first = await store.scanEntrustments(`${p}city--vendor`, 1);
    t.same(ids(first), [`${p}vendor--cart`], 'strictly after the given id');
    t.same(await store.scanEntrustments(null, 0), []);
  });

  t.test('the write generation moves with every write, and only with writes', async (t) => {
    const before = await store.generation();
    t.equal(typeof before, 'number');
    const { p } = await written(t);
    const afterUpsert = await store.generation();
    t.ok(afterUpsert > before, 'an upsert moves it');
    await store.parties([`${p}city`]);
    for await (const page of store.entrustmentLinks()) t.ok(page.length > 0);
    t.equal(await store.generation(), afterUpsert, 'reads do not');
    await store.remove({ parties: [`${p}nobody`] });
    t.ok(
      (await store.generation()) > afterUpsert,
      'a remove moves it, even one that finds nothing',
    );
  });

  t.test('link scans as of a day hold the entrustments in force that day, whole', async (t) => {
    const { p } = await written(t);
    const onDay = async (asOf?: string) => {
      const links: EntrustmentLink[] = [];
      for await (const page of store.entrustmentLinks(asOf))
        links.push(...page.filter((x) => x.id.startsWith(p)));
      return links;
    };
    const every = await onDay();
    const ids = (links: EntrustmentLink[]) => links.map((x) => x.id.slice(p.length));
    t.same(ids(await onDay('2014-01-01')), ['city--vendor', 'vendor--cart']);
    t.same(ids(await onDay('2015-04-01')), ['vendor--cart'], 'a period ends before its `to`');
    t.same(
      ids(await onDay('2016-01-01')),
      ['vendor--cart', 'vendor--cart-later'],
      'and starts on its `from`',
    );
    t.strictSame(
      (await onDay('2014-01-01')).map(linkFields),
      every
        .filter((x) => x.id !== `${p}vendor--cart-later`)
        .slice(0, 2)
        .map(linkFields),
      'each link as the scan of every day gives it',
    );
  });

  t.test(
    'link scans hold the links, period, data and records of the same page, absent fields undefined',
    async (t) => {
      const { p, b } = await written(t);
      const allLinks = async () => {
        const all: EntrustmentLink[] = [];
        for await (const page of store.entrustmentLinks()) all.push(...page);
        return all;
      };
      const everyLink = await allLinks();
      t.same(
        everyLink.map((x) => x.id),
        [...everyLink.map((x) => x.id)].sort(),
        'in id order',
      );
      const links = everyLink.filter((x) => x.id.startsWith(p));
      t.same(
        links.map((x) => x.id),
        (await store.scanEntrustments(`${p}`, 10))
          .filter((x) => x.id.startsWith(p))
          .map((x) => x.id),
        'the same entrustments as the records',
      );
      t.strictSame(links.map(linkFields), [
        {
          id: `${p}city--vendor`,
          client: `${p}city`,
          contractor: `${p}vendor`,
          under: [],
          data: ['user.name', 'user.contact'],
          from: '2013-04-01',
          to: '2015-04-01',
          records: 120000,
        },
        {
          id: `${p}vendor--cart`,
          client: `${p}vendor`,
          contractor: `${p}cart`,
          under: [`${p}city--vendor`],
          data: [],
        },
        {
          id: `${p}vendor--cart-later`,
          client: `${p}vendor`,
          contractor: `${p}cart`,
          data: [],
          from: '2016-01-01',
        },
      ]);
      const odd = {
        ...b.entrustments[0]!,
        id: `${p}odd`,
        data: ['user.custom\tkey', 'user.line\nbreak', 'user.name'],
        under: undefined,
        records: 0,
      };
      delete odd.under;
      await store.upsert({ sources: [], parties: [], entrustments: [odd], incidents: [] });
      t.teardown(() => store.remove({ entrustments: [odd.id] }));
      t.strictSame(
        (await allLinks()).filter((x) => x.id === odd.id).map(linkFields),
        [
          defined({
            id: odd.id,
            client: odd.client,
            contractor: odd.contractor,
            data: odd.data,
            from: odd.from,
            to: odd.to,
            records: 0,
          }),
        ],
        'data keys that hold separators still read back exactly',
      );
      t.same(await store.entrustments([odd.id]), [odd], 'and the record itself is unchanged');
    },
  );

  t.test(
    'remove deletes records and what finds them; counts follow; progress reaches the total',
    async (t) => {
      const before = await store.counts();
      const progress: Array<[number, number]> = [];
      const p = `ct${randomBytes(4).toString('hex')}-`;
      const b = fixture(p);
      await store.upsert(b, (done, total) => progress.push([done, total]));
      t.same(progress.at(-1), [9, 9]);
      const after = await store.counts();
      t.same(
        [
          after.parties - before.parties,
          after.entrustments - before.entrustments,
          after.incidents - before.incidents,
          after.sources - before.sources,
        ],
        [4, 3, 1, 1],
      );
      await store.remove({ ...everyId(b), parties: [...everyId(b).parties, `${p}unknown`] });
      t.same(await store.counts(), before);
      t.same(await store.entrustmentsInto([`${p}cart`]), []);
      t.same(await store.incidentsAt([`${p}cart`]), []);
      t.same(await store.partiesWithParent([`${p}holding`]), []);
    },
  );

  t.test('ping answers while open', async (t) => {
    await t.resolves(store.ping());
  });

  t.test(
    'api keys: added once by name, listed, revoked; each with its audit entry, atomically',
    async (t) => {
      const p = `k${randomBytes(4).toString('hex')}-`;
      const key = {
        name: `${p}ops`,
        role: 'editor' as const,
        keyId: randomBytes(6).toString('hex'),
        salt: 'c2FsdA==',
        hash: 'aGFzaA==',
        n: 16384,
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      const audit = (summary: string) => ({
        at: '2026-01-01T00:00:00.000Z',
        actor: `${p}tester`,
        action: 'keys',
        summary,
      });
      t.teardown(() => store.revokeApiKey(key.name, audit('cleanup')));
      await store.addApiKey(key, audit('add'));
      t.same(
        (await store.apiKeys()).filter((k) => k.name === key.name),
        [key],
        'exactly as written',
      );
      await t.rejects(store.addApiKey({ ...key, role: 'admin' }, audit('again')), {
        code: 'BAD_USER_INPUT',
      });
      t.equal(
        (await store.apiKeys()).find((k) => k.name === key.name)?.role,
        'editor',
        'the first one stays',
      );
      t.equal(await store.revokeApiKey(key.name, audit('revoke')), true);
      t.equal(await store.revokeApiKey(key.name, audit('revoke again')), false);
      const mine = (await store.auditLog(500, null)).filter((e) => e.actor === `${p}tester`);
      t.same(
        mine.map((e) => e.summary),
        ['revoke', 'add'],
        'refused writes leave no entry; newest first',
      );
    },
  );

  t.test('the audit entry commits with its write, and not without it', async (t) => {
    const p = `a${randomBytes(4).toString('hex')}-`;
    const b = fixture(p);
    t.teardown(() => store.remove(everyId(b)));
    const draft = (summary: string) => ({
      at: '2026-01-01T00:00:00.000Z',
      actor: `${p}tester`,
      action: 'import',
      summary,
    });
    const before = await store.generation();
    await store.upsert(b, undefined, draft('written'));
    const circular: Record<string, unknown> = { ...b.parties[0]!, id: `${p}late` };
    circular.self = circular;
    const failing = fixture(`${p}x-`);
    failing.parties.push(circular as unknown as Party);
    await t.rejects(store.upsert(failing, undefined, draft('failed')));
    await store.remove({ parties: [`${p}nobody`] }, draft('removed'));
    const mine = (await store.auditLog(500, null)).filter((e) => e.actor === `${p}tester`);
    t.same(
      mine.map((e) => e.summary),
      ['removed', 'written'],
    );
    t.ok(
      Number(mine[1]!.id) > before && Number(mine[0]!.id) > Number(mine[1]!.id),
      'ids are write generations',
    );
    const page = await store.auditLog(1, mine[0]!.id);
    t.ok(page.length === 1 && Number(page[0]!.id) < Number(mine[0]!.id), 'after pages back');
  });

  lifecycleContract(t, store);
}
