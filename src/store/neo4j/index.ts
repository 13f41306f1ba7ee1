import neo4j, { type Driver } from 'neo4j-driver';
import {
  type Config,
  DEFAULT_READ_TIMEOUT_S,
  DEFAULT_RECORDS_PER_STAGE,
  DEFAULT_STAGE_IMPORTS_FROM,
} from '../../config.js';
import { ConfigError, StoreUnavailableError } from '../../errors.js';
import type { StorePort } from '../port.js';
import { loadCypherFiles, statementsOf } from './cypher-files.js';
import { isAuthError, isDatabaseNotFound, reasonOf, toStoreError } from './errors.js';
import { Neo4jStore } from './neo4j-store.js';
import { uriForDisplay } from '../../uri-for-display.js';

export type Neo4jConfig = Omit<
  NonNullable<Config['neo4j']>,
  'stageImportsFrom' | 'recordsPerStage' | 'readTimeoutS'
> & { stageImportsFrom?: number; recordsPerStage?: number; readTimeoutS?: number };

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

// A request made while Neo4j is down should get VC_STORE_UNAVAILABLE within seconds, not wait out
// the driver's defaults (30 s to connect, then 30 s of retries); the driver reconnects by itself.
// Its retries start 1 s apart and double, and one more is made while the budget is not spent: with
// 10 s a query against a killed Neo4j took 15 s to report (retries at 0, 1, 3 and 7 s), with 3 s
// still 7 s on a loaded machine (test/store/neo4j-own-server.test.ts); 1 s gives one retry.
const DRIVER_CONFIG = {
  connectionTimeout: 5_000,
  maxTransactionRetryTime: 1_000,
  userAgent: 'vendor-chain',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Connects (retrying with backoff for up to cfg.connectTimeoutS, so the service can start beside
 * a database that is still starting), applies cypher/schema.cypher, and returns the store.
 */
export async function openNeo4jStore(cfg: Neo4jConfig): Promise<StorePort> {
  const cypher = await loadCypherFiles();
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), DRIVER_CONFIG);
  try {
    await waitUntilReachable(driver, cfg);
    await applySchema(driver, cfg, statementsOf(cypher.schema));
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  return new Neo4jStore(driver, cypher, {
    uri: uriForDisplay(cfg.uri),
    database: cfg.database,
    stageImportsFrom: cfg.stageImportsFrom ?? DEFAULT_STAGE_IMPORTS_FROM,
    recordsPerStage: cfg.recordsPerStage ?? DEFAULT_RECORDS_PER_STAGE,
    readTimeoutS: cfg.readTimeoutS ?? DEFAULT_READ_TIMEOUT_S,
  });
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
