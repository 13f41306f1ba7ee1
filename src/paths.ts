import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The project root holds schema/, cypher/ and examples/; the code runs either from
// src/ (tests) or from dist/src/ (npm start), so the root is found, not assumed.
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}`);
    dir = up;
  }
  return dir;
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const inProject = (...parts: string[]): string => join(projectRoot, ...parts);

/**
 * A worker thread's entry module, `name` beside the module at `moduleUrl`, with that module's own
 * extension: .js once built into dist/, .ts when tests run the sources through tap's TypeScript
 * loader (which a worker inherits with the parent's execArgv).
 */
export const siblingModule = (moduleUrl: string, name: string): URL =>
  new URL(`./${name}${extname(fileURLToPath(moduleUrl))}`, moduleUrl);
