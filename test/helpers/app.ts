import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { parse } from 'yaml';
import { buildApp } from '../../src/app.js';
import { inProject } from '../../src/paths.js';
import { importRegister } from '../../src/register/import.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import type { StorePort } from '../../src/store/port.js';

export type App = Awaited<ReturnType<typeof buildApp>>;

/** A real embedded store in a fresh temp dir, closed and deleted when `t` ends. */
export async function tempStore(t: Test, prefix = 'vc-store-'): Promise<StorePort> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const store = await openEmbeddedStore(dir);
  t.teardown(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return store;
}

/** A real app on a real embedded store in a temp dir, loaded with the given register texts. */
export async function appWith(t: Test, ...documents: string[]): Promise<App> {
  const store = await tempStore(t, 'vc-app-');
  for (const document of documents) {
    const report = await importRegister(store, document);
    if (!report.ok) throw new Error(`fixture does not import: ${JSON.stringify(report.errors)}`);
  }
  const app = await buildApp({ store });
  t.teardown(() => app.close());
  return app;
}

/**
 * An app on a store that suites share (so they run on every store), loaded with a register that
 * is removed again when the test ends. The store stays open: an app never closes its store.
 */
export async function appOn(t: Test, store: StorePort, text: string): Promise<App> {
  const report = await importRegister(store, text);
  if (!report.ok) throw new Error(`fixture does not import: ${JSON.stringify(report.errors)}`);
  const doc = parse(text);
  const app = await buildApp({ store });
  t.teardown(async () => {
    await app.close();
    const of = (section: string) => (doc[section] ?? []).map((r: { id: string }) => r.id);
    await store.remove({
      parties: of('parties'),
      entrustments: of('entrustments'),
      incidents: of('incidents'),
      sources: of('sources'),
    });
  });
  return app;
}

export const demoRegister = () => readFile(inProject('examples', 'demo-register.yaml'), 'utf8');

export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: { code?: string }; path?: string[] }[];
}

export async function gql<T = any>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  const body = res.json();
  return { status: res.statusCode, data: body.data, errors: body.errors };
}
