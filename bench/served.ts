import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { inProject } from '../src/paths.js';
import { waitForLine } from './child-line.js';
import { rssOf } from './neo4j-server.js';

// The service for the load test, as users run it (`node dist/src/server.js`), in a process of its
// own: a load generator in the service's process would share its event loop and be measured too.

export interface Served {
  /** `/graphql` on loopback. */
  url: string;
  rss(): number | null;
  stop(): Promise<void>;
}

const START_LINE = /GraphiQL at (http:\/\/127\.0\.0\.1:\d+)\/graphiql/;

/** Starts the built server with `storeEnv` (STORE, DATA_DIR or NEO4J_*) on a free loopback port. */
export async function serve(
  storeEnv: Record<string, string>,
  timeoutMs = 120_000,
): Promise<Served> {
  // VC_BENCH_PROFILE=<dir>: the server writes a CPU profile there when it stops (open it in
  // Chrome's DevTools), to see where a load's time goes.
  const profile = process.env.VC_BENCH_PROFILE;
  // VC_BENCH_NODE_FLAGS (say, --trace-gc): more flags for the server's Node.js.
  const more = (process.env.VC_BENCH_NODE_FLAGS ?? '').split(' ').filter((f) => f !== '');
  const flags = [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), ...more];
  const child = spawn(process.execPath, [...flags, inProject('dist', 'src', 'server.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      ...storeEnv,
      HOST: '127.0.0.1',
      PORT: '0',
      DEMO: '0',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  const url = `${(await waitForLine(child, START_LINE, timeoutMs, 'the server'))[1]}/graphql`;
  // Its log (a line per request) is drained and dropped, or the pipe fills and the server blocks;
  // VC_BENCH_SERVER_LOG=<file> keeps it there instead.
  const log = process.env.VC_BENCH_SERVER_LOG;
  if (log) {
    const file = createWriteStream(log, { flags: 'a' });
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  } else {
    child.stdout.resume();
    child.stderr.resume();
  }
  return {
    url,
    rss: () => rssOf(child.pid!),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
