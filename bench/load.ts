import autocannon from 'autocannon';
import type { Served } from './served.js';

// Load through real HTTP on loopback (issue 10): blast radius for rotating leaf leaks at
// concurrency 20, alone and then with an abusive client beside it asking the most expensive
// questions it is allowed to, in a loop: a small write (so nothing is remembered), then
// re-delegation findings (the longest page allowed) and concentration over the whole graph,
// computed afresh.

const BLAST =
  'query($party: ID!) { blastRadius(party: $party, from: "2015-01-01", to: "2015-07-01") { controllers { party { id } exposure } } }';
const WRITE = 'mutation($document: String!) { importRegister(document: $document) { ok } }';
// The longest answer one request may have (MAX_FINDINGS_PER_ANSWER); asking for all of them is
// refused on these graphs, which have more.
const FINDINGS =
  '{ redelegationFindings(first: 10000) { id rule entrustment { id } upstream { id } } }';
const CONCENTRATION = '{ concentration(first: 500) { party { id } controllers records } }';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  abusive: number;
  rssBefore: number;
  rssAfter: number;
}

function cannon(
  url: string,
  connections: number,
  seconds: number,
  bodies: () => string,
  timeoutS = 10,
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    // A whole-graph answer computed afresh takes many seconds on a loaded machine.
    timeout: timeoutS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies() }),
      },
    ],
  });
}

/** In turn: a write that changes one party's name (the store's generation moves), findings, concentration. */
function abusiveBodies(): () => string {
  let n = 0;
  return () => {
    const step = n++;
    if (step % 3 === 1) return JSON.stringify({ query: FINDINGS });
    if (step % 3 === 2) return JSON.stringify({ query: CONCENTRATION });
    const document = `register: 1\nparties:\n  - { id: bench-abuse, name: abuse ${step}, kind: company }\n`;
    return JSON.stringify({ query: WRITE, variables: { document } });
  };
}

/** Against the service in its own process (served.ts). */
export async function loadTest(
  served: Served,
  leaves: string[],
  seconds: number,
  withAbuse: boolean,
): Promise<LoadResult> {
  const url = served.url;
  const bodies = leaves
    .slice(0, 500)
    .map((party) => JSON.stringify({ query: BLAST, variables: { party } }));
  let next = 0;
  const rssBefore = served.rss() ?? 0;
  // One abusive connection: its write, findings and concentration follow each other, each ask after a write.
  const abuse = withAbuse ? cannon(url, 1, seconds, abusiveBodies(), 300) : null;
  const normal = await cannon(url, 20, seconds, () => bodies[next++ % bodies.length]!);
  const abusive = abuse ? await abuse : null;
  return {
    requestsPerSecond: normal.requests.average,
    p50: normal.latency.p50,
    p99: normal.latency.p99,
    errors: normal.errors + normal.timeouts + normal.non2xx,
    abusive: abusive ? abusive.requests.total : 0,
    rssBefore,
    rssAfter: served.rss() ?? 0,
  };
}

export function describeLoad(
  parties: number,
  store: string,
  alone: LoadResult,
  beside: LoadResult,
  seconds: number,
): string {
  const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
  const line = (r: LoadResult) =>
    `${Math.round(r.requestsPerSecond).toLocaleString('en')} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors, RSS ${mib(r.rssBefore)} → ${mib(r.rssAfter)}`;
  return [
    `## load: blast radius over HTTP on the ${parties.toLocaleString('en')}-party graph (${store}; the server in its own process, RSS is its), 20 connections, ${seconds} s`,
    `alone: ${line(alone)}`,
    `beside an abusive client (a write, then whole-graph findings and concentration computed afresh, in a loop; ${beside.abusive} of its requests answered): ${line(beside)}`,
    '',
  ].join('\n');
}
