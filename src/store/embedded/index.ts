import { mkdir } from 'node:fs/promises';
import { StoreUnavailableError } from '../../errors.js';
import type { StorePort } from '../port.js';
import { rememberTarget } from '../target.js';
import { EmbeddedStore } from './embedded-store.js';
import { openTables } from './tables.js';

/** The zero-set-up store: an LMDB environment in `dataDir`, created if missing. */
export async function openEmbeddedStore(dataDir: string): Promise<StorePort> {
  try {
    await mkdir(dataDir, { recursive: true });
    return rememberTarget(new EmbeddedStore(openTables(dataDir), dataDir), {
      kind: 'embedded',
      dataDir,
    });
  } catch (error) {
    throw new StoreUnavailableError(
      `cannot open the data directory ${dataDir}: ${(error as Error).message}`,
    );
  }
}
