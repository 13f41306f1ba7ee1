import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { build } from 'esbuild';
import { inProject } from '../paths.js';
import { EXPLORER_DIR, MANIFEST, type ExplorerManifest } from './manifest.js';

// `npm run build` (and so `npm ci`, through `prepare`) bundles the explorer's page code with the
// pinned Cytoscape packages into dist/explorer/, named by content; the manifest says which files
// the page loads. The server reads only these files: nothing is fetched from a CDN at run time.

export { EXPLORER_DIR, MANIFEST, type ExplorerManifest } from './manifest.js';

export async function buildExplorer(outdir = EXPLORER_DIR): Promise<ExplorerManifest> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: [
      inProject('src/explorer/client/main.ts'),
      inProject('src/explorer/client/explorer.css'),
      inProject('src/explorer/client/graphiql-boot.ts'),
    ],
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    entryNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => relative(outdir, inProject(p)));
  const pick = (entry: string, ext: string) => {
    const file = outputs.find(
      (o) => o.startsWith(`${entry}-`) && o.endsWith(ext) && !o.includes('/'),
    );
    if (!file) throw new Error(`explorer build: no ${entry} ${ext} output`);
    return basename(file);
  };
  const manifest = {
    script: pick('main', '.js'),
    style: pick('explorer', '.css'),
    graphiql: pick('graphiql-boot', '.js'),
  };
  writeFileSync(`${outdir}/${MANIFEST}`, JSON.stringify(manifest, null, 2));
  return manifest;
}

// Run as a script by `npm run build`.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const manifest = await buildExplorer();
  process.stderr.write(
    `explorer: ${manifest.script}, ${manifest.style}; graphiql: ${manifest.graphiql}\n`,
  );
}
