import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readlinkSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { inProject } from '../src/paths.js';
import { waitForLine } from './child-line.js';

// A throwaway Neo4j of one's own (test/neo4j-server/start.sh), for the bench and for tests that must
// kill it or configure it differently from the shared one. start.sh execs java, so the child's pid
// is the JVM's.

/** Whether start.sh can run here: it needs java and mvn on the PATH. */
export function canStartNeo4j(): boolean {
  return (
    spawnSync('bash', ['-c', 'command -v java && command -v mvn'], { stdio: 'ignore' }).status === 0
  );
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface OwnNeo4j {
  uri: string;
  pid: number;
  /** SIGKILL, as a crash or the OOM killer would: no clean shutdown, so the data dir is removed here. */
  kill(): Promise<void>;
  /** SIGTERM: the launcher stops Neo4j and deletes its data. */
  stop(): Promise<void>;
}

export async function startOwnNeo4j(
  port: number,
  env: Record<string, string> = {},
  timeoutMs = 300_000,
): Promise<OwnNeo4j> {
  const child = spawn('bash', [inProject('test', 'neo4j-server', 'start.sh')], {
    env: { ...process.env, NEO4J_TEST_PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const uri = (
    await waitForLine(child, /^READY (bolt:\/\/\S+)$/m, timeoutMs, 'Neo4j (start.sh)')
  )[1]!;
  // Its later output is read and dropped, so the JVM never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  const pid = child.pid!;
  const dataDirs = openDataDirs(pid);
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    uri,
    pid,
    kill: async () => {
      await signal('SIGKILL');
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    },
    stop: () => signal('SIGTERM'),
  };
}

/** The launcher's temporary data directory, read from the files the JVM holds open. */
function openDataDirs(pid: number): string[] {
  const dirs = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const target = safeReadlink(`/proc/${pid}/fd/${fd}`);
      const dir = /^(.*\/vendor-chain-neo4j-[^/]+)\//.exec(target)?.[1];
      if (dir) dirs.add(dir);
    }
  } catch {
    // No /proc (not Linux): the directory stays behind in the temp dir.
  }
  return [...dirs];
}

const safeReadlink = (path: string) => {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
};

/** Resident memory of a process in bytes, from /proc (the JVM's, for the bench). */
export function rssOf(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}
