import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The project root holds schema/, cypher/, examples/ and the taxonomy; the code runs either from
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
