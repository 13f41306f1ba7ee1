import neo4j, { type Driver } from 'neo4j-driver';
import { redrawMissingInferredLinks } from './inferred-repair.js';
import { migrateJsonProperties } from './json-migration.js';
import {
  type Config,
  DEFAULT_READ_TIMEOUT_S,
  DEFAULT_RECORDS_PER_STAGE,
  DEFAULT_STAGE_IMPORTS_FROM,
} from '../../config.js';
import { ConfigError, StoreUnavailableError } from '../../errors.js';
import type { StorePort } from '../port.js';
import type { SharesBookmarks } from '../shares-bookmarks.js';
import { loadCypherFiles, statementsOf } from './cypher-files.js';
import { isAuthError, isDatabaseNotFound, reasonOf, toStoreError } from './errors.js';
import { Neo4jStore } from './neo4j-store.js';
import { describeMissing, missingSchema, schemaItems } from './schema-check.js';
import { uriForDisplay } from '../../uri-for-display.js';

export type Neo4jConfig = Omit<
  NonNullable<Config['neo4j']>,
  'stageImportsFrom' | 'recordsPerStage' | 'readTimeoutS'
> & { stageImportsFrom?: number; recordsPerStage?: number; readTimeoutS?: number };

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

/** Seconds of retries on a cluster (neo4j://): a leader election takes 10-20 s. */
export const CLUSTER_RETRY_S = 20;
/** On one server (bolt://) no election can help: a request while it is down fails fast. */
export const DIRECT_RETRY_S = 1;
export const DEFAULT_POOL_SIZE = 50;

/** Whether the URI asks for routing, i.e. a cluster the driver fails over within. */
export const isRouting = (uri: string) => uri.startsWith('neo4j');

/**
 * The driver's settings, each explicit (docs/operations.md, "Neo4j"). Retries: on a cluster the
 * driver retries a transaction for CLUSTER_RETRY_S, long enough for a new leader. On one server
 * a request made while Neo4j is down should get VC_STORE_UNAVAILABLE within seconds: its retries
 * start 1 s apart and double, so with 10 s a query against a killed Neo4j took 15 s to report,
 * with 1 s one retry (test/store/neo4j-own-server.test.ts). The pool is bounded, a request waits
 * at most 15 s for a connection, and connections are renewed every 30 minutes and checked after
 * 30 s idle, before a firewall or load balancer drops them silently.
 */
export function driverConfig(cfg: Neo4jConfig) {
  const retryS = cfg.retryS ?? (isRouting(cfg.uri) ? CLUSTER_RETRY_S : DIRECT_RETRY_S);
  return {
    connectionTimeout: 5_000,
    maxTransactionRetryTime: retryS * 1000,
    maxConnectionPoolSize: cfg.poolSize ?? DEFAULT_POOL_SIZE,
    connectionAcquisitionTimeout: 15_000,
    maxConnectionLifetime: 30 * 60_000,
    connectionLivenessCheckTimeout: 30_000,
    userAgent: 'vendor-chain',
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface OpenOptions {
  /**
   * 'apply' creates what cypher/schema.cypher names (vendor-chain migrate, the tests); 'check'
   * only verifies it is there and online, and refuses to open otherwise (the service).
   */
  schema?: 'apply' | 'check';
  /** The bookmarks of the thread this store works for: its reads see that thread's writes. */
  bookmarks?: readonly string[];
  /**
   * Set by `vendor-chain migrate` only, with 'apply': repairs what an earlier version wrote wrong,
   * reading the whole graph, and says what it repaired.
   */
  onRepaired?: (what: string) => void;
}

/**
 * Connects (retrying with backoff for up to cfg.connectTimeoutS, so the service can start beside
 * a database that is still starting), applies or checks cypher/schema.cypher, and returns the store.
 */
export async function openNeo4jStore(
  cfg: Neo4jConfig,
  { schema = 'apply', bookmarks = [], onRepaired }: OpenOptions = {},
): Promise<StorePort & SharesBookmarks> {
  const cypher = await loadCypherFiles();
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), driverConfig(cfg));
  try {
    await waitUntilReachable(driver, cfg);
    const statements = statementsOf(cypher.schema);
    if (schema === 'apply') await applySchema(driver, cfg, statements);
    else await checkSchema(driver, cfg, statements);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  const store = new Neo4jStore(
    driver,
    cypher,
    {
      uri: uriForDisplay(cfg.uri),
      database: cfg.database,
      stageImportsFrom: cfg.stageImportsFrom ?? DEFAULT_STAGE_IMPORTS_FROM,
      recordsPerStage: cfg.recordsPerStage ?? DEFAULT_RECORDS_PER_STAGE,
      readTimeoutS: cfg.readTimeoutS ?? DEFAULT_READ_TIMEOUT_S,
    },
    bookmarks,
  );
  // Data the first model wrote as `json` is converted where the schema is applied (migrate),
  // never by a service, which only checks. Inferred links are looked for only when migrate asks
  // (onRepaired): that reads every entrustment, which every open of the command line would pay.
  if (schema === 'apply') {
    try {
      await migrateJsonProperties(store);
      const drawn = onRepaired ? await redrawMissingInferredLinks(store) : 0;
      if (drawn > 0) onRepaired?.(`drew the inferred links of ${drawn} entrustments again`);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

async function checkSchema(driver: Driver, cfg: Neo4jConfig, statements: string[]): Promise<void> {
  let missing;
  try {
    missing = await missingSchema(driver, cfg.database, schemaItems(statements));
  } catch (error) {
    throw toStoreError(error, uriForDisplay(cfg.uri));
  }
  // A deployment step was skipped: the operator acts, retrying cannot help.
  if (missing.length > 0)
    throw new ConfigError(
      'NEO4J_URI',
      `Neo4j at ${uriForDisplay(cfg.uri)} lacks its schema: ${describeMissing(missing)}`,
    );
}

async function waitUntilReachable(driver: Driver, cfg: Neo4jConfig): Promise<void> {
  const deadline = Date.now() + cfg.connectTimeoutS * 1000;
  for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
    try {
      await driver.verifyConnectivity({ database: cfg.database });
      return;
    } catch (error) {
      if (isAuthError(error)) {
        throw new ConfigError(
          'NEO4J_PASSWORD',
          `Neo4j at ${uriForDisplay(cfg.uri)} refused user "${cfg.user}": ${reasonOf(error)}`,
        );
      }
      // Neo4j answered, so waiting longer cannot create the database: say so at once.
      if (isDatabaseNotFound(error)) throw toStoreError(error, uriForDisplay(cfg.uri));
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new StoreUnavailableError(
          `cannot reach Neo4j at ${uriForDisplay(cfg.uri)} after ${cfg.connectTimeoutS} s: ${reasonOf(error)}`,
        );
      }
      await sleep(Math.min(delay, left));
    }
  }
}

/** Schema statements cannot share a transaction with writes, so each runs in its own. */
async function applySchema(driver: Driver, cfg: Neo4jConfig, statements: string[]): Promise<void> {
  const session = driver.session({ database: cfg.database });
  try {
    for (const statement of statements) await session.executeWrite((tx) => tx.run(statement));
  } catch (error) {
    throw toStoreError(error, uriForDisplay(cfg.uri));
  } finally {
    await session.close();
  }
}
