import { readFile } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import { inProject } from '../paths.js';
import type { StorePort } from '../store/port.js';
import { importRegister } from './import.js';

export const DEMO_REGISTER = inProject('examples', 'demo-register.yaml');

/** Loads the demo register into an empty store, so a first `npm start` has something to show. */
export async function loadDemoIfEmpty(
  store: StorePort,
  log: Pick<FastifyBaseLogger, 'info'>,
): Promise<boolean> {
  const counts = await store.counts();
  if (counts.parties + counts.entrustments + counts.incidents + counts.sources > 0) return false;
  const report = await importRegister(store, await readFile(DEMO_REGISTER, 'utf8'), {
    actor: 'system:demo',
    action: 'demo',
  });
  if (!report.ok) {
    // The demo ships with the code and is tested; failing here means the checkout is damaged.
    throw new Error(
      `the demo register does not import: ${report.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  }
  log.info(
    { parties: report.parties, entrustments: report.entrustments, incidents: report.incidents },
    'loaded the demo register (set DEMO=0 to start empty)',
  );
  return true;
}
