import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ERROR_CODES, VcError } from '../../errors.js';
import { inProject } from '../../paths.js';
import { QUERY_NAMES, type QueryName } from './queries.js';

export type CypherFiles = Readonly<Record<QueryName, string>>;

export const CYPHER_DIR = inProject('cypher');

/** Every `*.cypher` under `dir`, by its path without the extension (`entrustment/into`). */
export async function readCypherDir(dir: string = CYPHER_DIR): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of (await readdir(dir, { recursive: true })).sort()) {
    if (!path.endsWith('.cypher')) continue;
    files.set(
      path.slice(0, -'.cypher'.length).split(sep).join('/'),
      await readFile(join(dir, path), 'utf8'),
    );
  }
  return files;
}

/**
 * Loads the queries once, at start. A missing file fails the start with its name, rather than
 * the first request that happens to need it.
 */
export async function loadCypherFiles(dir: string = CYPHER_DIR): Promise<CypherFiles> {
  const files = await readCypherDir(dir);
  const missing = QUERY_NAMES.filter((name) => !files.has(name));
  if (missing.length > 0) {
    throw new VcError(
      ERROR_CODES.INTERNAL,
      `the Neo4j store needs ${missing.map((n) => `${n}.cypher`).join(', ')} in ${dir}`,
    );
  }
  return Object.fromEntries(QUERY_NAMES.map((name) => [name, files.get(name)!])) as Record<
    QueryName,
    string
  >;
}

/** The statements of a several-statement file such as schema.cypher: each ends with `;` at a line end. */
export function statementsOf(text: string): string[] {
  return text
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
