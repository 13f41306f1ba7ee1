import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { createRequire } from 'node:module';
import { parse, validate } from 'graphql';
import t from 'tap';
import { ASSET_PREFIX } from '../../src/graphiql/assets.js';
import graphiqlPlugin from '../../src/graphiql/plugin.js';
import { loadOperations, OPERATIONS_FILE, splitOperations } from '../../src/graphiql/operations.js';
import { loadSchema } from '../../src/graphql/schema.js';
import { inProject } from '../../src/paths.js';
import { appWith, demoRegister, gql } from '../helpers/app.js';

const require = createRequire(import.meta.url);
const version = (pkg: string): string =>
  (require(`${pkg}/package.json`) as { version: string }).version;
const app = await appWith(t, await demoRegister());
const page = await app.inject({ method: 'GET', url: '/graphiql' });

// Every URL the page makes the browser load: scripts and stylesheets.
const referenced = [...page.body.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]*)"/g)].map(
  (m) => m[1],
);

t.test('/graphiql is an HTML page that loads only from this origin', async (t) => {
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html; charset=utf-8/);
  t.match(page.headers['content-security-policy'], /script-src 'self'; .*connect-src 'self'/);
  t.equal(referenced.length, 5, 'react, react-dom, graphiql js + css, boot script');
  for (const url of referenced) {
    t.notMatch(url, /^(https?:)?\/\//, `${url} is local`);
    t.ok(url.startsWith(ASSET_PREFIX), `${url} is a GraphiQL asset`);
  }
  t.notMatch(page.body, /https?:\/\/|\/\/cdn/, 'no absolute URL anywhere in the page');
  t.notMatch(page.body, /<script>/, 'no inline script');
});

t.test('every referenced asset answers with its content-type and a long cache', async (t) => {
  for (const url of referenced) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 200, url);
    t.equal(
      res.headers['content-type'],
      url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      url,
    );
    t.match(res.headers['cache-control'], /max-age=31536000, immutable/, url);
    t.ok(res.rawPayload.length > 0, `${url} is not empty`);
  }
  const graphiql = referenced.find((url) => url.endsWith('/graphiql.min.js'));
  t.equal(
    graphiql,
    `${ASSET_PREFIX}graphiql@${version('graphiql')}/graphiql.min.js`,
    'the installed version is in the URL',
  );
  const served = await app.inject({ method: 'GET', url: graphiql! });
  t.ok(
    served.rawPayload.equals(
      readFileSync(inProject('node_modules', 'graphiql', 'graphiql.min.js')),
    ),
    'served unchanged from node_modules',
  );
});

t.test('the page carries every example for the boot script, which talks to /graphql', async (t) => {
  const boot = referenced.find((url) => /\/graphiql-boot-[0-9A-Z]{8}\.js$/.test(url));
  t.ok(boot, 'the boot script (built with the explorer) is named by its content');
  t.equal(referenced.at(-1), boot, 'and loads last');
  const body = (await app.inject({ method: 'GET', url: boot! })).body;
  t.match(body, /\/graphql/);
  t.match(body, /defaultTabs/);
  t.match(body, /\/auth\/config/, 'it asks whether to sign in');
  const data = /<script type="application\/json" id="operations">([^<]*)<\/script>/.exec(page.body);
  t.ok(data, 'the examples are a data block, not a script');
  const operations = JSON.parse(data![1]!) as { query: string }[];
  t.same(
    operations.map((op) => op.query),
    loadOperations().map((op) => op.query),
    'every example is preloaded, as written',
  );
});

t.test('/graphiql speaks Japanese and English, like the explorer', async (t) => {
  const ja = await app.inject({ url: '/graphiql', headers: { 'accept-language': 'ja,en;q=0.5' } });
  t.match(ja.body, /<html lang="ja">/);
  t.match(ja.body, /API キー/);
  const en = await app.inject({ url: '/graphiql?lang=en', headers: { 'accept-language': 'ja' } });
  t.match(en.body, /<html lang="en">[\s\S]*>Use key</);
  const bad = await app.inject({ url: '/graphiql?lang=fr' });
  t.same(
    [bad.statusCode, bad.body],
    [400, 'lang must be ja or en, not "fr": /graphiql?lang=ja or /graphiql?lang=en\n'],
  );
});

t.test('only the allow-list is served: unknown files and traversal are 404', async (t) => {
  const urls = [
    `${ASSET_PREFIX}nope.js`,
    `${ASSET_PREFIX}react@${version('react')}/react.development.js`, // exists in node_modules, not listed
    `${ASSET_PREFIX}graphiql@${version('graphiql')}/graphiql.min.js.map`,
    `${ASSET_PREFIX}react@0.0.1/react.production.min.js`,
    `${ASSET_PREFIX}`,
    `${ASSET_PREFIX}../../package.json`,
    `${ASSET_PREFIX}..%2F..%2Fpackage.json`,
    `${ASSET_PREFIX}graphiql@${version('graphiql')}/..%2F..%2F..%2Fpackage.json`,
    `${ASSET_PREFIX}%2e%2e/%2e%2e/package.json`,
    `${ASSET_PREFIX}..\\..\\package.json`,
  ];
  for (const url of urls) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 404, url);
    t.notMatch(res.body, /"name": "vendor-chain"/, `${url} leaks no file`);
  }
});

t.test('every example operation validates against the schema and runs on the demo', async (t) => {
  const schema = loadSchema();
  const operations = loadOperations();
  t.same(
    operations.map((op) => op.name),
    ['MakeShopLeak', 'TakeoRedelegation', 'FukuiSupplyChain', 'MishimaNotification'],
  );
  t.same(validate(schema, parse(readFileSync(OPERATIONS_FILE, 'utf8'))), [], 'the file as a whole');
  for (const op of operations) {
    t.same(validate(schema, parse(op.query)), [], `${op.name} on its own, as a tab sends it`);
    // The server also bounds query depth, which validate() does not know about.
    const { status, errors } = await gql(app, op.query);
    t.equal(status, 200, op.name);
    t.equal(errors, undefined, op.name);
  }
  const [makeshop, takeo, fukui, mishima] = await Promise.all(
    operations.map((op) => gql(app, op.query)),
  );
  t.ok(
    makeshop.data.blastRadius.controllers.some(
      (c: { party: { id: string } }) => c.party.id === 'mishima-city',
    ),
    'Mishima is hit',
  );
  t.ok(takeo.data.redelegationFindings.length > 0, 'Takeo has findings');
  t.ok(fukui.data.supplyChain.members.length > 0, 'Fukui has a chain');
  t.same(
    [mishima.data.notificationPackets[0].party.id, mishima.data.notificationPackets[0].aware],
    ['mishima-city', false],
    'Mishima is unaware',
  );
});

t.test(
  'splitting keeps each operation with its own comment, and refuses what a tab cannot run',
  async (t) => {
    const ops = splitOperations(
      '# header\n\n# about A\nquery A { stats { parties } }\n\nquery B { stats { incidents } }\n',
    );
    t.same(ops, [
      { name: 'A', query: '# about A\nquery A { stats { parties } }\n' },
      { name: 'B', query: 'query B { stats { incidents } }\n' },
    ]);
    t.throws(() => splitOperations('{ stats { parties } }'), /named operation/);
    t.throws(
      () => splitOperations('fragment F on Stats { parties }\nquery A { stats { ...F } }'),
      /no fragments/,
    );
    t.throws(() => splitOperations('# nothing\n'), /Syntax Error|no operation/);
  },
);

t.test('without a build, /graphiql says how to make one instead of failing', async (t) => {
  const empty = await mkdtemp(join(tmpdir(), 'vc-graphiql-none-'));
  const bare = Fastify();
  await bare.register(graphiqlPlugin, { dir: empty });
  t.teardown(async () => {
    await bare.close();
    await rm(empty, { recursive: true, force: true });
  });
  const res = await bare.inject({ url: '/graphiql' });
  t.same(
    [res.statusCode, res.body],
    [503, 'GraphiQL is not built: run `npm run build` (npm ci does it).\n'],
  );
});
