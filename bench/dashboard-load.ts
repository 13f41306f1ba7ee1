import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { Served } from './served.js';

// A dashboard load (issue 22): 50 clients polling a mix — the overview, the blast radius of a
// recent incident, a controller's findings — by GET with If-None-Match, as a dashboard tile does,
// while one editor imports every few seconds (a new incident each time, so every answer's ETag
// moves and the next asks compute afresh). The server runs in its own process (served.ts).

const OVERVIEW =
  '{ overview { incidentCount incidents { incident { id } controllers unaware } findings { total byRule { rule severity count } } deadlines { incident { id } controller { id } due state } certificationAlerts { party { id } controllers } concentration { party { id } controllers } } }';
const BLAST =
  'query($i: ID!) { blastRadius(incident: $i) { unawareCount controllers { party { id } exposure aware } } }';
const FINDINGS = 'query($c: ID!) { redelegationFindings(controller: $c) { id rule severity } }';
const IMPORT = 'mutation($d: String!) { importRegister(document: $d) { ok } }';

export interface DashboardLoad {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Share of the answers that were 304. */
  notModified: number;
  errors: number;
  writes: number;
  /** How long the tiles' questions took, asked all at once on the freshly started service (ms). */
  coldStart: number;
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** A register with one new incident at a hub, detected today: what the editor imports. */
function incidentAt(party: string, n: number): { id: string; document: string } {
  const id = `bench-incident-${n}`;
  const detected = new Date().toISOString().slice(0, 10);
  const document = JSON.stringify({
    register: 1,
    incidents: [
      {
        id,
        party,
        kind: 'unauthorized-access',
        from: '2015-01-01',
        to: '2015-07-01',
        detected,
        records: 1000 + n,
      },
    ],
  });
  return { id, document };
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: { importRegister?: { ok: boolean } };
    errors?: unknown;
  };
  if (!body.data?.importRegister?.ok)
    throw new Error(`the editor's import failed: ${JSON.stringify(body)}`);
}

export async function dashboardLoad(
  served: Served,
  hubs: string[],
  controllers: string[],
  seconds: number,
  clients = 50,
  editEveryMs = 3_000,
): Promise<DashboardLoad> {
  const url = served.url;
  // A few incidents before the clients start, so the mix has recent ones to ask about.
  const recent: string[] = [];
  let written = 0;
  const edit = async () => {
    const { id, document } = incidentAt(hubs[written % hubs.length]!, written);
    written++;
    await post(url, IMPORT, { d: document });
    recent.push(id);
    if (recent.length > 5) recent.shift();
  };
  for (let i = 0; i < 3; i++) await edit();
  const ask = (query: string, variables: Record<string, unknown>) =>
    new URLSearchParams({ query, variables: JSON.stringify(variables) }).toString();
  const tiles = controllers.slice(0, 20);
  // A dashboard that has been up has asked each of its tiles' questions once: they are asked
  // before the clock starts, all at once, as a dashboard opening does, and how long the last of
  // them took is reported apart (the cold start: the register's findings, each chain's walk).
  const warmStart = performance.now();
  await Promise.all(
    [
      ask(OVERVIEW, {}),
      ...recent.map((i) => ask(BLAST, { i })),
      ...tiles.map((c) => ask(FINDINGS, { c })),
    ].map((key) => fetch(`${url}?${key}`).then((r) => r.text())),
  );
  const coldStart = performance.now() - warmStart;

  // undici's request rather than fetch: the fifty clients share this process and its core with
  // nothing of theirs to do but ask, and fetch's own work per request (its streams and headers)
  // had their asks wait in this process's event loop, counted in their times as if the server's.
  const pollers = new Agent({ connections: clients });
  const times: number[] = [];
  let notModified = 0;
  let errors = 0;
  const stopAt = performance.now() + seconds * 1000;
  const client = async (k: number) => {
    const tags = new Map<string, string>();
    for (let n = k; performance.now() < stopAt; n++) {
      const kind = n % 3;
      const [query, variables] =
        kind === 0
          ? [OVERVIEW, {}]
          : kind === 1
            ? [BLAST, { i: recent[n % recent.length] }]
            : [FINDINGS, { c: tiles[n % tiles.length] }];
      const key = ask(query, variables);
      const tag = tags.get(key);
      const t0 = performance.now();
      try {
        const res = await request(`${url}?${key}`, {
          dispatcher: pollers,
          headers: tag ? { 'if-none-match': tag } : {},
        });
        const text = await res.body.text();
        times.push(performance.now() - t0);
        if (res.statusCode === 304) notModified++;
        else if (res.statusCode !== 200 || text.includes('"errors"')) errors++;
        const etag = res.headers.etag;
        if (typeof etag === 'string') tags.set(key, etag);
      } catch {
        times.push(performance.now() - t0);
        errors++;
      }
    }
  };
  const editor = (async () => {
    while (performance.now() + editEveryMs < stopAt) {
      await new Promise((resolve) => setTimeout(resolve, editEveryMs));
      await edit();
    }
  })();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
  const elapsed = (performance.now() - t0) / 1000;
  await editor;
  await pollers.close();
  return {
    requestsPerSecond: times.length / elapsed,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    notModified: times.length === 0 ? 0 : notModified / times.length,
    errors,
    writes: written,
    coldStart,
  };
}

export function describeDashboardLoad(
  parties: number,
  store: string,
  r: DashboardLoad,
  seconds: number,
): string {
  return [
    `## dashboard load on the ${parties.toLocaleString('en')}-party graph (${store}; the server in its own process): 50 clients polling overview, blast radius of recent incidents and a controller's findings by GET with If-None-Match, ${seconds} s after each question was asked once, an editor importing an incident every 3 s (${r.writes} writes)`,
    `${Math.round(r.requestsPerSecond).toLocaleString('en')} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${(r.notModified * 100).toFixed(0)}% answered 304, ${r.errors} errors; before the clock, the tiles' questions asked at once on the fresh service took ${(r.coldStart / 1000).toFixed(1)} s`,
    '',
  ].join('\n');
}
