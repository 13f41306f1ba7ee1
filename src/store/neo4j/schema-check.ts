import type { Driver } from 'neo4j-driver';

// What the service checks at start instead of changing the database: every constraint and index
// cypher/schema.cypher creates exists, by name, and its index is online. Creating them is
// `vendor-chain migrate`'s job (docs/operations.md), so a service never runs schema changes.

export interface SchemaItem {
  kind: 'constraint' | 'index';
  name: string;
}

/** The constraints and indexes schema.cypher creates. */
export function schemaItems(statements: readonly string[]): SchemaItem[] {
  const items: SchemaItem[] = [];
  for (const statement of statements) {
    const m = /^CREATE (CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/.exec(statement.trim());
    if (m) items.push({ kind: m[1] === 'CONSTRAINT' ? 'constraint' : 'index', name: m[2]! });
  }
  return items;
}

/** The items of `expected` the database lacks, or holds with an index not yet online. */
export async function missingSchema(
  driver: Driver,
  database: string | undefined,
  expected: readonly SchemaItem[],
): Promise<SchemaItem[]> {
  const read = async (query: string) =>
    (await driver.executeQuery(query, {}, { database, routing: 'READ' })).records;
  const constraints = new Set(
    (await read('SHOW CONSTRAINTS YIELD name RETURN name')).map((r) => r.get('name') as string),
  );
  // A constraint is backed by an index of its own name: SHOW INDEXES gives the state of both.
  const states = new Map(
    (await read('SHOW INDEXES YIELD name, state RETURN name, state')).map((r) => [
      r.get('name') as string,
      r.get('state') as string,
    ]),
  );
  return expected.filter(
    ({ kind, name }) =>
      (kind === 'constraint' && !constraints.has(name)) || states.get(name) !== 'ONLINE',
  );
}

/** What is missing, in one line a person can act on. */
export function describeMissing(missing: readonly SchemaItem[]): string {
  const of = (kind: SchemaItem['kind']) =>
    missing.filter((m) => m.kind === kind).map((m) => m.name);
  const parts = [
    of('constraint').length > 0 ? `constraints ${of('constraint').join(', ')}` : '',
    of('index').length > 0 ? `indexes ${of('index').join(', ')}` : '',
  ].filter(Boolean);
  return `${parts.join('; ')} missing or not online: run \`vendor-chain migrate\``;
}
