import t from 'tap';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

t.test('defaults give the embedded store on 127.0.0.1:4000 with the demo', async (t) => {
  t.same(loadConfig({}), { host: '127.0.0.1', port: 4000, store: 'embedded', dataDir: './data', demo: true, logLevel: 'info', neo4j: null });
  t.equal(loadConfig({ DEMO: '0' }).demo, false);
});

t.test('neo4j needs its URI and password', async (t) => {
  const cfg = loadConfig({ STORE: 'neo4j', NEO4J_URI: 'neo4j://localhost:7687', NEO4J_PASSWORD: 'password' });
  t.same(cfg.neo4j, { uri: 'neo4j://localhost:7687', user: 'neo4j', password: 'password', database: undefined, connectTimeoutS: 60 });
  t.throws(() => loadConfig({ STORE: 'neo4j', NEO4J_PASSWORD: 'password' }), { message: 'NEO4J_URI: is required when STORE=neo4j' });
  t.throws(() => loadConfig({ STORE: 'neo4j', NEO4J_URI: 'neo4j://x' }), { message: 'NEO4J_PASSWORD: is required when STORE=neo4j' });
});

t.test('a Neo4j password under 8 characters is refused without echoing it', async (t) => {
  const env = { STORE: 'neo4j', NEO4J_URI: 'neo4j://localhost:7687' };
  const error = t.throws(() => loadConfig({ ...env, NEO4J_PASSWORD: 'secret7' })) as ConfigError;
  t.match(error, { code: 'VC_CONFIG', details: { variable: 'NEO4J_PASSWORD' }, message: /^NEO4J_PASSWORD: has 7 characters; Neo4j 5 refuses passwords under 8 characters/ });
  t.notMatch(error.message, /secret7/, 'the password is not in the message');
  t.equal(loadConfig({ ...env, NEO4J_PASSWORD: 'secret78' }).neo4j?.password, 'secret78', '8 characters are enough');
  t.equal(loadConfig({ NEO4J_PASSWORD: 'short' }).store, 'embedded', 'only checked when STORE=neo4j');
});

t.test('a bad variable is named with its value', async (t) => {
  t.throws(() => loadConfig({ PORT: 'eighty' }), { code: 'VC_CONFIG', message: 'PORT: expected a port number from 0 to 65535 (got "eighty")' });
  t.ok((() => { try { loadConfig({ PORT: '-1' }); } catch (e) { return e instanceof ConfigError; } })(), 'a ConfigError');
  t.throws(() => loadConfig({ STORE: 'postgres' }), { message: /^STORE: .*(embedded|neo4j).*\(got "postgres"\)$/ });
  t.throws(() => loadConfig({ DEMO: 'yes' }), { message: /^DEMO: / });
  t.throws(() => loadConfig({ STORE: 'neo4j', NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'password' }), { message: /^NEO4J_URI: expected a URI like neo4j:\/\/localhost:7687/ });
});
