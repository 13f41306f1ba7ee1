import type { DbSchema } from '@neo4j-cypher/language-support';
import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import {
  loadCypherFiles,
  readCypherDir,
  statementsOf,
} from '../../src/store/neo4j/cypher-files.js';
import { DB_SCHEMA } from '../../src/store/neo4j/db-schema.js';
import { QUERIES, QUERY_NAMES, type QueryName } from '../../src/store/neo4j/queries.js';

// Neo4j cannot run everywhere the tests do, so every query is checked offline against the graph
// the adapter declares: syntax, variables, labels, relationship types, properties, and the
// parameters the adapter passes. Warnings count as failures: an unknown label is a typo here.

// The last release that runs on Node 22 ships a broken ESM build (extensionless imports): its
// CommonJS build is the same code and loads.
// Its type declarations have the same extensionless imports, so the one function is typed here.
interface Diagnostic {
  severity?: number;
  range: { start: { line: number; character: number } };
  message: string;
}
const { lintCypherQuery } = createRequire(import.meta.url)('@neo4j-cypher/language-support') as {
  lintCypherQuery: (query: string, schema: DbSchema) => { diagnostics: Diagnostic[] };
};

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The lint's findings for one file, given the parameters the adapter passes to it. */
function lint(text: string, parameters: readonly string[]): string[] {
  const schema: DbSchema = {
    ...DB_SCHEMA,
    parameters: Object.fromEntries(parameters.map((p) => [p, null])),
  };
  return lintCypherQuery(text, schema).diagnostics.map(
    (d) =>
      `${SEVERITY[d.severity ?? 1]} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`,
  );
}

/** The `$names` a file uses, comments aside. */
function parametersIn(text: string): string[] {
  const code = text.replace(/\/\/.*$/gm, '');
  return [
    ...new Set(Array.from(code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g), (m) => m[1]!)),
  ].sort();
}

const files = await readCypherDir();

// The lint parses every file with the language service on one core: 52 s alone on a 2-core
// machine, 123 s beside the rest of the suite under coverage, past tap's 120 s a file.
t.setTimeout(300_000);

t.test('every cypher file lints clean against the adapter schema', async (t) => {
  t.ok(files.size > 0, 'found the cypher files');
  for (const [name, text] of files) {
    const declared = QUERIES[name as QueryName] as readonly string[] | undefined;
    t.ok(
      declared,
      `${name}.cypher is a query the adapter runs (declared in src/store/neo4j/queries.ts)`,
    );
    t.same(lint(text, declared ?? []), [], `${name}.cypher`);
  }
});

t.test('each file uses exactly the parameters the adapter passes to it', async (t) => {
  for (const [name, text] of files) {
    const declared = [
      ...((QUERIES[name as QueryName] as readonly string[] | undefined) ?? []),
    ].sort();
    t.same(parametersIn(text), declared, `${name}.cypher`);
  }
});

t.test('the lint reports broken queries, so it can fail', async (t) => {
  const findings = (text: string, params: string[] = ['ids']) => lint(text, params).join('\n');
  t.match(
    findings('MATCH (e:Entrustment WHERE e.id IN $ids RETURN e'),
    /error at 1:\d+: Invalid input/,
    'a syntax error',
  );
  t.match(
    findings('MATCH (e:Entrustment) WHERE e.id IN $ids RETURN x.json'),
    /Variable `x` not defined/,
    'an undefined variable',
  );
  t.match(
    findings('MATCH (e:Entrustmnt) WHERE e.id IN $ids RETURN e.json'),
    /Label Entrustmnt is not present/,
    'an unknown label',
  );
  t.match(
    findings('MATCH (e:Entrustment)-[:UNDR]->(r:EntrustmentRef) WHERE e.id IN $ids RETURN e.json'),
    /Relationship type UNDR is not present/,
    'an unknown relationship type',
  );
  // Unknown properties are not linted by the release that runs on Node 22 (2.0.0-next.26); a
  // misspelt property is caught where the queries run, by the store suites on a live Neo4j.
  t.match(
    findings('MATCH (e:Entrustment) WHERE e.id IN $partyIds RETURN e.json'),
    /Parameter \$partyIds is not defined/,
    'a parameter the adapter does not pass',
  );
  t.same(parametersIn('// $not here\nMATCH (n) WHERE n.id > $afterId RETURN n LIMIT $limit'), [
    'afterId',
    'limit',
  ]);
});

t.test('the loader finds every query by name and refuses to start without one', async (t) => {
  const cypher = await loadCypherFiles();
  t.same(Object.keys(cypher).sort(), [...QUERY_NAMES].sort());
  t.match(cypher['entrustment/into'], /contractor\.id IN \$ids/);
  const dir = await mkdtemp(join(tmpdir(), 'vc-cypher-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'schema.cypher'), 'RETURN 1');
  await t.rejects(loadCypherFiles(dir), {
    code: 'VC_INTERNAL',
    message: /needs source\/get-many\.cypher, .*store\/ping\.cypher in /,
  });
});

t.test('schema.cypher splits into its idempotent statements', async (t) => {
  const statements = statementsOf(files.get('schema')!);
  const creates = statements.filter((s) => s.startsWith('CREATE'));
  t.equal(
    creates.length,
    15,
    'a constraint per label, an index per searched property and per staged label',
  );
  for (const s of creates)
    t.match(
      s,
      /^CREATE (CONSTRAINT|INDEX) \w+ IF NOT EXISTS FOR \(n:\w+\) (REQUIRE n\.(id|name|seq) IS UNIQUE|ON \(n\.\w+\))$/,
    );
  const drops = statements.filter((s) => s.startsWith('DROP'));
  for (const s of drops)
    t.match(
      s,
      /^DROP (CONSTRAINT|INDEX) \w+ IF EXISTS$/,
      'what the first model made goes, idempotently',
    );
  t.same(
    statements.slice(creates.length + drops.length),
    ['CALL db.awaitIndexes(300)'],
    'and writes wait for the indexes to be online',
  );
  t.same(statementsOf('// only\nA;\n\nB ;  \nC'), ['A', 'B', 'C']);
});
