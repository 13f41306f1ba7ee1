import t from 'tap';
import { filingsSuite } from '../helpers/filings-suite.js';
import { tempStore } from '../helpers/app.js';

// The filings on the embedded store (test/filings/neo4j.test.ts runs the same suite on Neo4j).

t.test('filings on the embedded store', async (t) =>
  filingsSuite(t, await tempStore(t, 'vc-filings-')),
);
