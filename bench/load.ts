import autocannon from 'autocannon';

// Load through real HTTP on loopback (issue 10): blast radius for rotating leaf leaks at
// concurrency 20, alone and then with an abusive client beside it asking the most expensive
// question it is allowed to (re-delegation findings over the whole graph, no cache) in a loop.

const BLAST = 'query($party: ID!) { blastRadius(party: $party, from: "2015-01-01", to: "2015-07-01") { controllers { party { id } exposure } } }';
const ABUSIVE = '{ redelegationFindings { rule entrustment { id } upstream { id } } }';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  abusive: number;
  rssBefore: number;
  rssAfter: number;
}

function cannon(url: string, connections: number, seconds: number, bodies: string[]): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }),
    }],
  });
}

/** `url`: the service's /graphql on loopback. */
export async function loadTest(url: string, leaves: string[], seconds: number, withAbuse: boolean): Promise<LoadResult> {
  const bodies = leaves.slice(0, 500).map((party) => JSON.stringify({ query: BLAST, variables: { party } }));
  const rssBefore = process.memoryUsage().rss;
  const abuse = withAbuse ? cannon(url, 2, seconds, [JSON.stringify({ query: ABUSIVE })]) : null;
  const normal = await cannon(url, 20, seconds, bodies);
  const abusive = abuse ? await abuse : null;
  return {
    requestsPerSecond: normal.requests.average,
    p50: normal.latency.p50,
    p99: normal.latency.p99,
    errors: normal.errors + normal.timeouts + normal.non2xx,
    abusive: abusive ? abusive.requests.total : 0,
    rssBefore,
    rssAfter: process.memoryUsage().rss,
  };
}

export function describeLoad(parties: number, alone: LoadResult, beside: LoadResult, seconds: number): string {
  const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
  const line = (r: LoadResult) =>
    `${Math.round(r.requestsPerSecond).toLocaleString('en')} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors, RSS ${mib(r.rssBefore)} → ${mib(r.rssAfter)}`;
  return [
    `## load: blast radius over HTTP on the ${parties.toLocaleString('en')}-party graph (embedded), 20 connections, ${seconds} s`,
    `alone: ${line(alone)}`,
    `beside an abusive client (2 connections asking whole-graph findings, ${beside.abusive} answered): ${line(beside)}`,
    '',
  ].join('\n');
}
