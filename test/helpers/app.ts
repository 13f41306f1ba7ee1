import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { inProject } from '../../src/paths.js';
import { importRegister } from '../../src/register/import.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';

export type App = Awaited<ReturnType<typeof buildApp>>;

/** A real app on a real embedded store in a temp dir, loaded with the given register texts. */
export async function appWith(t: Test, ...documents: string[]): Promise<App> {
  const dir = await mkdtemp(join(tmpdir(), 'vc-app-'));
  const store = await openEmbeddedStore(dir);
  for (const document of documents) {
    const report = await importRegister(store, document);
    if (!report.ok) throw new Error(`fixture does not import: ${JSON.stringify(report.errors)}`);
  }
  const app = await buildApp({ store });
  t.teardown(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });
  return app;
}

export const demoRegister = () => readFile(inProject('examples', 'demo-register.yaml'), 'utf8');

export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: { code?: string }; path?: string[] }[];
}

export async function gql<T = any>(app: App, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  const body = res.json();
  return { status: res.statusCode, data: body.data, errors: body.errors };
}
