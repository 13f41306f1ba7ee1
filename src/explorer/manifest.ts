import { inProject } from '../paths.js';

// Where the built page code lives and what the manifest names: read by the server at run time,
// apart from build.ts, which needs esbuild (a development dependency a production install lacks).

export const EXPLORER_DIR = inProject('dist', 'explorer');
export const MANIFEST = 'manifest.json';

export interface ExplorerManifest {
  script: string;
  style: string;
  /** GraphiQL's page script (src/graphiql serves it): the same sign-in code as the explorer's. */
  graphiql: string;
}
