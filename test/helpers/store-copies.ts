import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { importRegister, type ImportReport } from '../../src/register/import.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import type { StorePort } from '../../src/store/port.js';

export interface StoreCopies {
  /** The import of the register into the first store. */
  report: ImportReport;
  /** A store of its own (its own directory, closed and removed when `t` ends) holding the register. */
  copy(t: Test): Promise<StorePort>;
}

/**
 * Embedded stores loaded with one register, each its own: the register is imported once (a large
 * one takes most of a second) and each store is a copy of that store's files (milliseconds).
 */
export async function storeCopies(t: Test, document: string): Promise<StoreCopies> {
  const original = await mkdtemp(join(tmpdir(), 'vc-original-'));
  t.teardown(() => rm(original, { recursive: true, force: true }));
  const store = await openEmbeddedStore(original);
  let report: ImportReport;
  try {
    report = await importRegister(store, document);
  } finally {
    // Closed before any copy, so the files hold every write.
    await store.close();
  }
  return {
    report,
    async copy(t) {
      const dir = await mkdtemp(join(tmpdir(), 'vc-copy-'));
      await cp(original, dir, { recursive: true });
      const copy = await openEmbeddedStore(dir);
      t.teardown(async () => {
        await copy.close();
        await rm(dir, { recursive: true, force: true });
      });
      return copy;
    },
  };
}
