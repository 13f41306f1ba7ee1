import { readdirSync, readFileSync } from 'node:fs';
import { inProject } from '../paths.js';

/** The SDL is one file per noun in schema/; read once at start, in a stable order. */
export function loadSchema(): string {
  const dir = inProject('schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
    .join('\n');
}
