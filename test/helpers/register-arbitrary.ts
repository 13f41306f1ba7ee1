import fc from 'fast-check';

// Valid registers of every field the format has, for round trips: ids drawn from small pools so
// that references resolve, text with Japanese, ";" and line breaks (which a list cell must keep),
// dates in order, and `under` absent, empty or naming an entrustment into its client.

const CHARS = ['a', 'B', ' ', ';', ':', '\n', '例', '市', '株', '(', '"', ',', '1', '-', '[', 'é'];
const text = fc
  .string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
// Free text as a YAML block keeps it: spaces and a line break at either end (a note: |).
const prose = fc
  .string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() !== '');
const date = fc
  .date({
    min: new Date('2010-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const period = fc
  .tuple(fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }))
  .map(([a, b]) =>
    a && b
      ? a < b
        ? { from: a, to: b }
        : a > b
          ? { from: b, to: a }
          : { from: a }
      : { from: a, to: b },
  );
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const some = <T>(arb: fc.Arbitrary<T>, max = 3) => fc.array(arb, { maxLength: max });
const CATEGORIES = [
  'user.name',
  'user.contact.email',
  'user.contact',
  'user.financial.credit_card',
];
const COUNTRIES = ['JP', 'US', 'KR', 'DE'];

/** Drops undefined fields, as a parsed YAML document has none. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

export const registerArbitrary = fc
  .record({
    sources: some(
      fc.record({
        kind: fc.constantFrom('official', 'press', 'contract', 'other'),
        title: opt(text),
        url: opt(fc.constantFrom('https://example.jp/a', 'https://example.com/x?y=1')),
        published: opt(date),
        note: opt(prose),
      }),
      3,
    ),
    parties: fc.array(
      fc.record({
        name: text,
        aka: some(text, 2),
        kind: fc.constantFrom('municipality', 'company', 'committee', 'agency'),
        country: opt(fc.constantFrom(...COUNTRIES)),
        role: opt(text),
        member: fc.boolean(),
        contact: opt(
          fc.constantFrom(
            { email: 'privacy@example.jp' },
            { phone: '+81-3-1234-5678', url: 'https://example.jp/p' },
          ),
        ),
        certifications: some(
          fc.record({
            scheme: fc.constantFrom('privacy-mark', 'isms'),
            status: fc.constantFrom('active', 'suspended', 'revoked'),
            period,
            note: opt(prose),
          }),
          2,
        ),
        confidence: fc.constantFrom('confirmed', 'reported', 'alleged'),
        note: opt(prose),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    entrustments: some(
      fc.record({
        ends: fc.tuple(fc.nat(), fc.nat()),
        under: fc.constantFrom('absent', 'own', 'upstream'),
        purposes: some(text, 2),
        data: some(fc.constantFrom(...CATEGORIES), 3),
        subjects: some(text, 2),
        records: opt(fc.integer({ min: 0, max: 2_000_000 })),
        period,
        reentrustment: fc.constantFrom('forbidden', 'approval-required', 'allowed', 'unknown'),
        disclosed: fc.boolean(),
        approved: fc.boolean(),
        storage: some(fc.constantFrom(...COUNTRIES), 2),
        access: some(fc.constantFrom(...COUNTRIES), 2),
        transferBasis: opt(fc.constantFrom('consent', 'adequacy', 'equivalent-measures')),
        note: opt(prose),
      }),
      5,
    ),
    incidents: some(
      fc.record({
        at: fc.nat(),
        kind: fc.constantFrom('unauthorized-access', 'insider', 'misdelivery', 'other'),
        period,
        detected: opt(date),
        data: some(fc.constantFrom(...CATEGORIES), 2),
        records: opt(fc.integer({ min: 0, max: 100_000 })),
        revisions: some(fc.record({ date, records: opt(fc.nat(1000)), note: opt(prose) }), 2),
        note: opt(prose),
      }),
      2,
    ),
  })
  .map((g) => {
    const sources = g.sources.map((s, i) => defined({ id: `src-${i}`, ...s }));
    const cite = (i: number) => (sources.length ? [sources[i % sources.length]!.id] : []);
    const partyId = (i: number) => `party-${i % g.parties.length}`;
    const parties = g.parties.map((p, i) =>
      defined({
        id: partyId(i),
        name: p.name,
        aka: p.aka,
        kind: p.kind,
        country: p.country,
        memberOf: p.member && i > 0 ? [defined({ party: partyId(0), role: p.role })] : [],
        contact: p.contact,
        certifications: p.certifications.map((c) =>
          defined({
            scheme: c.scheme,
            status: c.status,
            ...defined(c.period),
            note: c.note,
            sources: cite(i),
          }),
        ),
        confidence: p.confidence,
        note: p.note,
        sources: cite(i + 1),
      }),
    );
    const entrustments: Array<Record<string, unknown>> = [];
    g.entrustments.forEach((e, i) => {
      const client = partyId(e.ends[0]);
      let contractor = partyId(e.ends[1]);
      if (contractor === client) contractor = partyId(e.ends[0] + 1);
      const upstream = entrustments.find((u) => u.contractor === client);
      const under =
        e.under === 'own'
          ? []
          : e.under === 'upstream' && upstream
            ? [upstream.id as string]
            : undefined;
      entrustments.push(
        defined({
          id: `ent-${i}`,
          client,
          contractor,
          under,
          purposes: e.purposes,
          data: e.data,
          subjects: e.subjects,
          records: e.records,
          ...defined(e.period),
          reentrustment: e.reentrustment,
          disclosed: e.disclosed,
          approvedBy: e.approved ? [client] : [],
          storage: e.storage,
          access: e.access,
          transferBasis: e.transferBasis,
          note: e.note,
          sources: cite(i),
        }),
      );
    });
    const incidents = g.incidents.map((x, i) =>
      defined({
        id: `inc-${i}`,
        party: partyId(x.at),
        kind: x.kind,
        ...defined(x.period),
        detected: x.detected,
        data: x.data,
        records: x.records,
        revisions: x.revisions.map((r) => defined(r)),
        note: x.note,
        sources: cite(i),
      }),
    );
    return { register: 1, sources, parties, entrustments, incidents };
  });
