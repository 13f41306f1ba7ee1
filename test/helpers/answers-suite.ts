import { readFile } from 'node:fs/promises';
import type { Test } from 'tap';
import type { StorePort } from '../../src/store/port.js';
import { appOn, gql, type App } from './app.js';

// Issue 20's store-backed questions through GraphQL, shared by every store: lists a newcomer can
// page through (incidents, parties, revisions), where a cursor that names nothing is an error.

const fixture = (name: string) =>
  readFile(new URL(`../fixtures/answers/${name}`, import.meta.url), 'utf8');
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const OURS = /^ans-/;

async function codeOf(app: App, query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await gql(app, query, variables);
  return { data, code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message ?? '' };
}

export async function answersSuite(t: Test, store: StorePort): Promise<void> {
  t.test('incidents without a party: every incident, newest first, in pages', async (t) => {
    const app = await appOn(t, store, await fixture('incidents.yaml'));
    const all = ids((await gql(app, '{ incidents(first: 500) { id } }')).data.incidents);
    t.same(
      all.filter((id) => OURS.test(id)),
      ['ans-b-2021', 'ans-d-2018', 'ans-a-2015', 'ans-c-undated'],
      'by from, else detected; undated last',
    );
    const walked: string[] = [];
    for (let after: string | null = null; ;) {
      const page: string[] = ids(
        (await gql(app, 'query ($a: ID) { incidents(first: 2, after: $a) { id } }', { a: after }))
          .data.incidents,
      );
      walked.push(...page);
      if (page.length < 2) break;
      after = page[page.length - 1]!;
    }
    t.same(walked, all, 'pages of two walk the same list');
  });

  t.test('incidents of a party: its own and its services, in the same order', async (t) => {
    const app = await appOn(t, store, await fixture('incidents.yaml'));
    const of = async (party: string) =>
      ids((await gql(app, `{ incidents(party: "${party}") { id } }`)).data.incidents);
    t.same(await of('ans-vendor'), ['ans-d-2018', 'ans-a-2015', 'ans-c-undated']);
    t.same(await of('ans-host'), ['ans-b-2021'], 'the operator answers for its service');
    const ghost = await codeOf(app, '{ incidents(party: "ans-ghost") { id } }');
    t.same([ghost.code, ghost.message], ['NOT_FOUND', 'no party with id "ans-ghost"']);
  });

  t.test('a cursor that names nothing is BAD_USER_INPUT in every paged list', async (t) => {
    const app = await appOn(t, store, await fixture('incidents.yaml'));
    for (const [query, names] of [
      ['{ parties(after: "zzz") { id } }', /after: no party with id "zzz"/],
      ['{ incidents(after: "zzz") { id } }', /after: no incident "zzz"/],
      [
        '{ incidents(party: "ans-vendor", after: "ans-b-2021") { id } }',
        /no incident "ans-b-2021"/,
      ],
      ['{ revisions(after: "999999999") { id } }', /after: no revision with id "999999999"/],
      ['{ revisions(after: "zzz") { id } }', /after: no revision with id "zzz"/],
      ['{ auditLog(after: "999999999") { id } }', /after: no audit entry with id "999999999"/],
      ['{ redelegationFindings(first: 5, after: "zzz") { rule } }', /after: no finding "zzz"/],
    ] as const) {
      const r = await codeOf(app, query);
      t.equal(r.code, 'BAD_USER_INPUT', query);
      t.match(r.message, names, query);
    }
    const first = ids((await gql(app, '{ parties(first: 1) { id } }')).data.parties);
    const next = await gql(app, `{ parties(first: 1, after: "${first[0]}") { id } }`);
    t.equal(next.errors, undefined, 'a party id that exists pages on');
  });

  t.test('revisions page back with after', async (t) => {
    const app = await appOn(t, store, await fixture('incidents.yaml'));
    const again = await gql(app, 'mutation ($d: String!) { importRegister(document: $d) { ok } }', {
      d: await fixture('incidents.yaml'),
    });
    t.equal(again.data.importRegister.ok, true);
    const [newest, older] = (await gql(app, '{ revisions(first: 2) { id } }')).data.revisions;
    const after = (await gql(app, `{ revisions(first: 1, after: "${newest.id}") { id } }`)).data
      .revisions;
    t.same(ids(after), [older.id]);
  });

  t.test('concentration sums the known record counts and says how many were unknown', async (t) => {
    const app = await appOn(t, store, await fixture('records-unknown.yaml'));
    const { data, errors } = await gql(
      app,
      '{ concentration(first: 500) { party { id } controllers records recordsUnknown entrustments } }',
    );
    t.equal(errors, undefined);
    const ours = data.concentration
      .filter((r: any) => OURS.test(r.party.id))
      .map((r: any) => [r.party.id, r.controllers, r.records, r.recordsUnknown, r.entrustments]);
    t.same(ours, [
      ['ans-hub', 3, 150, 1, 3],
      ['ans-dark', 1, 0, 1, 1],
    ]);
  });
}
