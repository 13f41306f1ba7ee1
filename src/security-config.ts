import { isIP } from 'node:net';
import type { OidcConfig } from './access/oidc.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './graphql/limits.js';

// The service's protections, with their defaults. config.ts fills them from the environment;
// tests build them directly.

export interface SecurityConfig {
  /** Served without keys while none exists: only when HOST is a loopback address. */
  loopback: boolean;
  /** Host header values accepted (DNS rebinding); null accepts any. Compared without the port. */
  allowedHosts: string[] | null;
  /** Origins CORS allows; empty: no cross-origin reads at all. */
  corsOrigins: string[];
  /** Requests per client address a minute, counted before any key is checked. */
  rateLimitPerMinute: number;
  /** Failed key checks per client address a minute; past it the address is refused unhashed. */
  authFailuresPerMinute: number;
  /** Keys hashed at once (scrypt: 32 MB and ~0.1 s of a core each), and how many more may wait. */
  keyHashesAtOnce: number;
  keyHashesWaiting: number;
  /** Largest request body from a reader (or before any key is checked). */
  queryBodyLimit: number;
  /** Largest request body from an editor or admin: registers are large by nature. */
  registerBodyLimit: number;
  /** A request that has not arrived whole by then is cut off. */
  requestTimeoutMs: number;
  /** Request bodies and registers from this size up are parsed and imported in a worker thread. */
  importWorkerFromBytes: number;
  /** Whole-graph answers (findings over the whole register, concentration) on a graph of this many entrustments or more are computed in a worker thread. */
  wholeGraphWorkerFrom: number;
  /** The most re-delegation findings one answer holds; longer lists are read in pages. */
  maxFindingsPerAnswer: number;
  query: QueryLimits;
  /** Single sign-on: bearer JWTs from this OpenID provider are accepted; null: API keys only. */
  oidc: OidcConfig | null;
}

const LOOPBACK_NAMES = new Set(['localhost', 'ip6-localhost']);

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(bare)) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare.startsWith('::ffff:127.');
  return false;
}

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function defaultSecurity(host = '127.0.0.1'): SecurityConfig {
  const loopback = isLoopback(host);
  return {
    loopback,
    allowedHosts: loopback
      ? [...LOOPBACK_HOSTS, ...(LOOPBACK_HOSTS.includes(host) ? [] : [host])]
      : null,
    corsOrigins: [],
    rateLimitPerMinute: 600,
    authFailuresPerMinute: 10,
    keyHashesAtOnce: 1,
    keyHashesWaiting: 16,
    queryBodyLimit: 1024 * 1024,
    registerBodyLimit: 64 * 1024 * 1024,
    requestTimeoutMs: 60_000,
    importWorkerFromBytes: 256 * 1024,
    // Below this a whole-graph answer takes tens of milliseconds: less than starting a thread.
    wholeGraphWorkerFrom: 5_000,
    maxFindingsPerAnswer: 10_000,
    query: { ...DEFAULT_QUERY_LIMITS },
    oidc: null,
  };
}
