import { z } from 'zod';
import { ConfigError } from './errors.js';
import { OIDC_DEFAULTS } from './access/oidc.js';
import { defaultSecurity, isLoopback, type SecurityConfig } from './security-config.js';
import { uriForDisplay } from './uri-for-display.js';
import { defaultDashboards, type DashboardConfig } from './dashboards/config.js';

// The only reader of process.env: everything else receives a typed Config.

// Neo4j 5 refuses to set a password shorter than this (dbms.security.auth_minimum_password_length).
const MIN_NEO4J_PASSWORD = 8;
// Never echoed in an error message.
const SECRETS = new Set(['NEO4J_PASSWORD']);

const flag = z
  .enum(['0', '1', 'true', 'false'], { message: 'expected 0, 1, true or false' })
  .transform((v) => v === '1' || v === 'true');

const whole = (min: number, max: number) =>
  z.coerce
    .number({ message: `expected a whole number from ${min} to ${max}` })
    .int({ message: `expected a whole number from ${min} to ${max}` })
    .min(min, { message: `expected a whole number from ${min} to ${max}` })
    .max(max, { message: `expected a whole number from ${min} to ${max}` });
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

/** How long one read transaction may run on Neo4j (NEO4J_READ_TIMEOUT_S). */
export const DEFAULT_READ_TIMEOUT_S = 30;
/** Imports of this many records or more are staged on Neo4j (NEO4J_STAGE_IMPORTS_FROM). */
export const DEFAULT_STAGE_IMPORTS_FROM = 20_000;
/** Records per staging transaction (NEO4J_RECORDS_PER_STAGE): some 90 MB of transaction state. */
export const DEFAULT_RECORDS_PER_STAGE = 10_000;

const envSchema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce
      .number({ message: 'expected a port number from 0 to 65535' })
      .int({ message: 'expected a port number from 0 to 65535' })
      .min(0)
      .max(65535, { message: 'expected a port number from 0 to 65535' })
      .default(4000),
    STORE: z
      .enum(['embedded', 'neo4j'], { message: 'expected embedded or neo4j' })
      .default('embedded'),
    DATA_DIR: z.string().min(1).default('./data'),
    DEMO: flag.default(true),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a URI like neo4j://localhost:7687')
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(1).optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    NEO4J_CONNECT_TIMEOUT_S: z.coerce
      .number({ message: 'expected seconds from 0 to 3600' })
      .int()
      .min(0)
      .max(3600)
      .default(60),
    // Every read transaction is stopped by Neo4j after this long (a blast radius, a scan page):
    // no question holds the database for minutes, and the asker is told why.
    NEO4J_READ_TIMEOUT_S: z.coerce
      .number({ message: 'expected seconds, more than 0 and at most 3600' })
      .positive({ message: 'expected seconds, more than 0 and at most 3600' })
      .max(3600, { message: 'expected seconds, more than 0 and at most 3600' })
      .default(DEFAULT_READ_TIMEOUT_S),
    // Imports of this many records or more are staged in several transactions and published by a
    // small last one (cypher/README.md, "Large imports"); smaller ones are one transaction.
    NEO4J_STAGE_IMPORTS_FROM: whole(1, 1_000_000_000).default(DEFAULT_STAGE_IMPORTS_FROM),
    NEO4J_RECORDS_PER_STAGE: whole(1, 1_000_000).default(DEFAULT_RECORDS_PER_STAGE),
    // How long a transaction is retried through a cluster's leader election or a dropped
    // connection, and how many connections the pool holds (docs/operations.md, "Neo4j").
    NEO4J_RETRY_S: whole(0, 300).optional(),
    NEO4J_POOL_SIZE: whole(1, 1_000).optional(),
    ALLOWED_HOSTS: list.optional(),
    CORS_ORIGINS: list.optional(),
    RATE_LIMIT_PER_MINUTE: whole(1, 1_000_000).optional(),
    AUTH_FAILURES_PER_MINUTE: whole(1, 1_000_000).optional(),
    KEY_HASHES_AT_ONCE: whole(1, 64).optional(),
    KEY_HASHES_WAITING: whole(0, 10_000).optional(),
    QUERY_BODY_LIMIT_BYTES: whole(1024, 1024 ** 3).optional(),
    REGISTER_BODY_LIMIT_BYTES: whole(1024, 1024 ** 3).optional(),
    REQUEST_TIMEOUT_S: whole(1, 3600).optional(),
    IMPORT_WORKER_FROM_BYTES: whole(0, 1024 ** 3).optional(),
    WHOLE_GRAPH_WORKER_FROM: whole(0, 1_000_000_000).optional(),
    MAX_FINDINGS_PER_ANSWER: whole(1, 1_000_000).optional(),
    MAX_QUERY_COST: whole(1, 1_000_000).optional(),
    MAX_QUERY_DEPTH: whole(1, 100).optional(),
    MAX_QUERY_ALIASES: whole(0, 10_000).optional(),
    MAX_QUERY_TOKENS: whole(100, 1_000_000).optional(),
    OIDC_ISSUER: z
      .url({ message: 'expected the provider URL, like https://id.example.jp/realms/city' })
      .optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_SCOPE: z.string().min(1).default(OIDC_DEFAULTS.scope),
    OIDC_SEND_RESOURCE: flag.default(true),
    OIDC_SIGN_OUT_AT_PROVIDER: flag.default(true),
    OIDC_ROLE_CLAIM: z.string().min(1).default(OIDC_DEFAULTS.roleClaim),
    OIDC_CONTROLLERS_CLAIM: z.string().min(1).default(OIDC_DEFAULTS.controllersClaim),
    OIDC_JWKS_COOLDOWN_S: whole(0, 3600).default(OIDC_DEFAULTS.jwksCooldownMs / 1000),
    OIDC_JWKS_MAX_AGE_S: whole(1, 86_400).default(OIDC_DEFAULTS.jwksMaxAgeMs / 1000),
    SYNC_RETIRE_LIMIT_PERCENT: whole(0, 100).default(20),
    // The reproducible-builds convention: a fixed time (seconds since 1970) for every timestamp a
    // write records, so generated docs and tests show the same revisions on every run.
    SOURCE_DATE_EPOCH: whole(0, 253_402_300_799).optional(),
    // Dashboards (src/dashboards/config.ts).
    CACHE_MAX_AGE_S: whole(0, 86_400).optional(),
    ANSWER_CACHE_BYTES: whole(0, 16 * 1024 ** 3).optional(),
    COMPRESS_FROM_BYTES: whole(0, 1024 ** 3).optional(),
    PERSISTED_QUERIES_MAX: whole(1, 1_000_000).optional(),
    PERSISTED_QUERIES_MAX_BYTES: whole(1024, 1024 ** 3).optional(),
    SUBSCRIPTIONS_PER_KEY: whole(1, 100_000).optional(),
    CHANGE_POLL_MS: whole(10, 60_000).optional(),
    SHUTDOWN_TIMEOUT_S: whole(1, 3600).optional(),
    CLI_USER: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, {
        message: 'expected a user name of 1 to 64 letters, digits, ".", "_", "@" or "-"',
      })
      .optional(),
  })
  .superRefine((env, ctx) => {
    const oidc = oidcProblem(env.OIDC_ISSUER, env.OIDC_AUDIENCE);
    if (oidc) ctx.addIssue({ code: 'custom', path: [oidc.variable], message: oidc.message });
    if (env.STORE !== 'neo4j') return;
    if (!env.NEO4J_URI)
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_URI'],
        message: 'is required when STORE=neo4j',
      });
    if (!env.NEO4J_PASSWORD)
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'is required when STORE=neo4j',
      });
    else if (env.NEO4J_PASSWORD.length < MIN_NEO4J_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: `has ${env.NEO4J_PASSWORD.length} characters; Neo4j 5 refuses passwords under ${MIN_NEO4J_PASSWORD} characters, so set the one the server was given`,
      });
    }
  });

/** Issuer and audience come together; http:// only for a provider on this machine. */
function oidcProblem(
  issuer: string | undefined,
  audience: string | undefined,
): { variable: string; message: string } | null {
  if (issuer === undefined && audience === undefined) return null;
  if (issuer === undefined)
    return { variable: 'OIDC_ISSUER', message: 'is required with OIDC_AUDIENCE' };
  if (audience === undefined)
    return {
      variable: 'OIDC_AUDIENCE',
      message: "is required with OIDC_ISSUER (the API's audience in the provider)",
    };
  const url = new URL(issuer);
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return {
    variable: 'OIDC_ISSUER',
    message: `must be https:// (http:// only for a provider on a loopback address), got "${issuer}"`,
  };
}

export interface Config {
  host: string;
  port: number;
  store: 'embedded' | 'neo4j';
  dataDir: string;
  demo: boolean;
  logLevel: string;
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database?: string;
    connectTimeoutS: number;
    readTimeoutS: number;
    stageImportsFrom: number;
    recordsPerStage: number;
    /** Seconds the driver retries a transaction (NEO4J_RETRY_S); unset: by the URI's scheme (store/neo4j/index.ts). */
    retryS?: number;
    /** Connections the driver keeps at most (NEO4J_POOL_SIZE). */
    poolSize?: number;
  } | null;
  security: SecurityConfig;
  lifecycle: LifecycleConfig;
  dashboards: DashboardConfig;
  /** Who the command line says it is in the audit log, instead of the operating-system user. */
  cliUser?: string;
}

export interface LifecycleConfig {
  /** A sync may retire at most this share of its scope, in percent, unless forced. */
  retireLimitPercent: number;
  /** The time a write records (SOURCE_DATE_EPOCH, or now). */
  now: () => Date;
}

export const defaultLifecycle = (): LifecycleConfig => ({
  retireLimitPercent: 20,
  now: () => new Date(),
});

/** Parse the environment; a bad variable throws ConfigError naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const raw = SECRETS.has(variable) ? undefined : env[variable];
    const value = variable === 'NEO4J_URI' && raw !== undefined ? uriForDisplay(raw) : raw;
    throw new ConfigError(
      variable,
      `${issue.message}${value === undefined ? '' : ` (got "${value}")`}`,
    );
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    store: e.STORE,
    dataDir: e.DATA_DIR,
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    neo4j:
      e.STORE === 'neo4j'
        ? {
            uri: e.NEO4J_URI!,
            user: e.NEO4J_USER,
            password: e.NEO4J_PASSWORD!,
            database: e.NEO4J_DATABASE,
            connectTimeoutS: e.NEO4J_CONNECT_TIMEOUT_S,
            readTimeoutS: e.NEO4J_READ_TIMEOUT_S,
            stageImportsFrom: e.NEO4J_STAGE_IMPORTS_FROM,
            recordsPerStage: e.NEO4J_RECORDS_PER_STAGE,
            ...(e.NEO4J_RETRY_S === undefined ? {} : { retryS: e.NEO4J_RETRY_S }),
            ...(e.NEO4J_POOL_SIZE === undefined ? {} : { poolSize: e.NEO4J_POOL_SIZE }),
          }
        : null,
    security: securityOf(e),
    lifecycle: {
      retireLimitPercent: e.SYNC_RETIRE_LIMIT_PERCENT,
      now:
        e.SOURCE_DATE_EPOCH === undefined
          ? () => new Date()
          : () => new Date(e.SOURCE_DATE_EPOCH! * 1000),
    },
    dashboards: dashboardsOf(e),
    ...(e.CLI_USER === undefined ? {} : { cliUser: e.CLI_USER }),
  };
}

function dashboardsOf(e: z.infer<typeof envSchema>): DashboardConfig {
  const d = defaultDashboards();
  return {
    cacheMaxAgeS: e.CACHE_MAX_AGE_S ?? d.cacheMaxAgeS,
    answerCacheBytes: e.ANSWER_CACHE_BYTES ?? d.answerCacheBytes,
    compressFromBytes: e.COMPRESS_FROM_BYTES ?? d.compressFromBytes,
    persistedQueries: {
      maxQueries: e.PERSISTED_QUERIES_MAX ?? d.persistedQueries.maxQueries,
      maxBytes: e.PERSISTED_QUERIES_MAX_BYTES ?? d.persistedQueries.maxBytes,
    },
    subscriptionsPerKey: e.SUBSCRIPTIONS_PER_KEY ?? d.subscriptionsPerKey,
    changePollMs: e.CHANGE_POLL_MS ?? d.changePollMs,
    shutdownTimeoutMs: (e.SHUTDOWN_TIMEOUT_S ?? d.shutdownTimeoutMs / 1000) * 1000,
  };
}

function securityOf(e: z.infer<typeof envSchema>): SecurityConfig {
  const d = defaultSecurity(e.HOST);
  return {
    ...d,
    allowedHosts: e.ALLOWED_HOSTS ?? d.allowedHosts,
    corsOrigins: e.CORS_ORIGINS ?? d.corsOrigins,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ?? d.rateLimitPerMinute,
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE ?? d.authFailuresPerMinute,
    keyHashesAtOnce: e.KEY_HASHES_AT_ONCE ?? d.keyHashesAtOnce,
    keyHashesWaiting: e.KEY_HASHES_WAITING ?? d.keyHashesWaiting,
    queryBodyLimit: e.QUERY_BODY_LIMIT_BYTES ?? d.queryBodyLimit,
    registerBodyLimit: e.REGISTER_BODY_LIMIT_BYTES ?? d.registerBodyLimit,
    requestTimeoutMs: (e.REQUEST_TIMEOUT_S ?? d.requestTimeoutMs / 1000) * 1000,
    importWorkerFromBytes: e.IMPORT_WORKER_FROM_BYTES ?? d.importWorkerFromBytes,
    wholeGraphWorkerFrom: e.WHOLE_GRAPH_WORKER_FROM ?? d.wholeGraphWorkerFrom,
    maxFindingsPerAnswer: e.MAX_FINDINGS_PER_ANSWER ?? d.maxFindingsPerAnswer,
    oidc:
      e.OIDC_ISSUER && e.OIDC_AUDIENCE
        ? {
            issuer: e.OIDC_ISSUER,
            audience: e.OIDC_AUDIENCE,
            ...(e.OIDC_CLIENT_ID ? { clientId: e.OIDC_CLIENT_ID } : {}),
            scope: e.OIDC_SCOPE,
            sendResource: e.OIDC_SEND_RESOURCE,
            signOutAtProvider: e.OIDC_SIGN_OUT_AT_PROVIDER,
            roleClaim: e.OIDC_ROLE_CLAIM,
            controllersClaim: e.OIDC_CONTROLLERS_CLAIM,
            jwksCooldownMs: e.OIDC_JWKS_COOLDOWN_S * 1000,
            jwksMaxAgeMs: e.OIDC_JWKS_MAX_AGE_S * 1000,
            clockToleranceS: OIDC_DEFAULTS.clockToleranceS,
          }
        : null,
    query: {
      maxCost: e.MAX_QUERY_COST ?? d.query.maxCost,
      maxDepth: e.MAX_QUERY_DEPTH ?? d.query.maxDepth,
      maxAliases: e.MAX_QUERY_ALIASES ?? d.query.maxAliases,
      maxTokens: e.MAX_QUERY_TOKENS ?? d.query.maxTokens,
      maxDirectives: d.query.maxDirectives,
    },
  };
}
