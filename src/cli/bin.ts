#!/usr/bin/env node
import { run } from './main.js';

// A reader that stops early (`vendor-chain findings | head`) closes the pipe: what is left to print
// has nobody to read it, which is not an error of the command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await run(process.argv.slice(2), process.env);
