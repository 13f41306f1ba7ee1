import { parentPort, workerData } from 'node:worker_threads';
import { JsonLineFinder } from '../../src/register/json-lines.js';
import { LineFinder } from '../../src/register/parse.js';

// Looks up the line of one path in a register handed over as UTF-8 bytes (outside the heap), in a
// thread whose heap is capped by the test (json-lines-memory.test.ts): the finder must fit beside
// the text.

const { finder, bytes, path } = workerData as {
  finder: 'json' | 'yaml';
  bytes: ArrayBuffer;
  path: (string | number)[];
};
const text = Buffer.from(bytes).toString('utf8');
const lines = finder === 'json' ? new JsonLineFinder(text, [path]) : new LineFinder(text);
parentPort!.postMessage({
  line: lines.lineOf(path),
  heapMb: process.memoryUsage().heapUsed / 2 ** 20,
});
