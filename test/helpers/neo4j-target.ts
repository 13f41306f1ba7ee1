// Whether the Neo4j suites run: they need NEO4J_URI (test/neo4j-server/with-neo4j.sh sets it).
// Under CI a missing Neo4j is a failure, not a skip: CI always starts one.

const HOW = 'run test/neo4j-server/with-neo4j.sh npm test, or npm run neo4j:dev and set NEO4J_URI';

/** false when the Neo4j suites run; otherwise the reason they skip. Throws under CI without NEO4J_URI. */
export function neo4jSkip(what: string): false | string {
  if (process.env.NEO4J_URI) return false;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but NEO4J_URI is not set: ${what} must run on a live Neo4j (${HOW})`);
  return `NEO4J_URI is not set: ${what} on Neo4j skipped (${HOW})`;
}

/** false when java and mvn can start a Neo4j of the test's own; otherwise why not. Throws under CI. */
export function ownNeo4jSkip(what: string, canStart: boolean): false | string {
  if (canStart) return false;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but java or mvn is missing: ${what} must run on a Neo4j of its own`);
  return `java or mvn not found: ${what} needs a Neo4j of its own (Java 17 and Maven)`;
}
