#!/usr/bin/env node
// The package's command. It runs the compiled CLI; `npm ci` builds it (the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('vendor-chain: not built yet; run `npm run build` in the project first\n');
  process.exit(2);
}
await import(entry.href);
