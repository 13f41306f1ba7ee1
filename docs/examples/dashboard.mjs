// A dashboard tile in JavaScript (Node 22 or a browser): poll the overview with ETags, ask by
// persisted-query hash, and wait for the next change to the register. VC_URL is the service
// (http://127.0.0.1:4000), VC_KEY an API key (omit it on a loopback service that has none).
// Needs: npm install graphql-ws.
import { createHash } from 'node:crypto';
import { createClient } from 'graphql-ws';

const url = `${process.env.VC_URL ?? 'http://127.0.0.1:4000'}/graphql`;
const auth = process.env.VC_KEY ? { Authorization: `Bearer ${process.env.VC_KEY}` } : {};
const OVERVIEW = '{ overview { incidentCount findings { total } deadlines { due state } } }';
const get = (params, headers = {}) =>
  fetch(`${url}?${new URLSearchParams(params)}`, { headers: { ...auth, ...headers } });

// 1. Poll with If-None-Match: 304 (no body, nothing computed) until the register changes.
const first = await get({ query: OVERVIEW });
const etag = first.headers.get('etag');
const { overview } = (await first.json()).data;
console.log(`overview: ${overview.incidentCount} incidents, ${overview.findings.total} findings`);
console.log(`polled again: ${(await get({ query: OVERVIEW }, { 'if-none-match': etag })).status}`);

// 2. Automatic persisted queries: the hash alone, then (once) the hash with the query.
const query = '{ stats { parties entrustments } }';
const sha256Hash = createHash('sha256').update(query).digest('hex');
const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
const byHash = await (await get({ extensions })).json();
if (byHash.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
  await fetch(url, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ query, extensions: JSON.parse(extensions) }),
  });
  console.log('persisted query registered');
}
const statsAnswer = await get({ extensions });
const statsTag = statsAnswer.headers.get('etag');
const { stats } = (await statsAnswer.json()).data;
console.log(`by hash: ${stats.parties} parties`);

// 3. The next change, over WebSocket (graphql-ws).
const client = createClient({ url: url.replace(/^http/, 'ws'), connectionParams: auth });
const changes = client.iterate({ query: 'subscription { registerChanged { revision at } }' });
console.log('waiting for a change');
const { value } = await changes.next();
console.log(`changed: revision ${value.data.registerChanged.revision}`);
await changes.return();
await client.dispose();
// An answer the change left as it was is still a 304 (the overview, when a party was only added
// or renamed); an answer it changed comes whole, with its new tag.
const overviewAfter = await get({ query: OVERVIEW }, { 'if-none-match': etag });
console.log(`overview after the change: ${overviewAfter.status}`);
const statsAfter = await get({ extensions }, { 'if-none-match': statsTag });
console.log(`stats after the change: ${statsAfter.status}`);
