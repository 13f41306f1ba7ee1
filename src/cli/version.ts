import { readFileSync } from 'node:fs';
import { inProject } from '../paths.js';

/** The version in package.json, the one npm installed: read, not copied, so it cannot go stale. */
export const VERSION: string = JSON.parse(readFileSync(inProject('package.json'), 'utf8')).version;
