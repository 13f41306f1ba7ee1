import { Worker } from 'node:worker_threads';
import t from 'tap';
import { largeRegister } from '../helpers/large-register.js';

// The line of an error in a large JSON register is found in memory bounded beside the text: a
// 50 MB register's lookup runs in a thread whose heap is capped near the text's own size (which,
// with its Japanese names, V8 keeps as 2 bytes a character), where the YAML parser's node tree
// (what placed JSON errors before) runs out of memory.

const MB = 1024 * 1024;
const HEAP_MB = 256;

const register = largeRegister('json', 50 * MB, { from: '2015-13-01' });
const path = ['entrustments', register.entrustments - 1, 'from'];
let newlines = 0;
for (let i = register.text.indexOf('\n'); i !== -1; i = register.text.indexOf('\n', i + 1))
  newlines += 1;
// The text ends with the last entrustment's line, a line of closing brackets and a newline.
const expected = newlines - 1;

function lookUp(
  finder: 'json' | 'yaml',
): Promise<{ line: number; heapMb: number } | { error: string }> {
  const bytes = new Uint8Array(Buffer.from(register.text, 'utf8')).buffer;
  const worker = new Worker(new URL('../helpers/line-lookup-thread.ts', import.meta.url), {
    workerData: { finder, bytes, path },
    transferList: [bytes],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  return new Promise((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error: Error & { code?: string }) =>
      resolve({ error: error.code ?? error.message }),
    );
  });
}

t.test(
  `the JSON line finder places an error at the end of a 50 MB register within a ${HEAP_MB} MB heap`,
  async (t) => {
    const json = await lookUp('json');
    t.ok('line' in json, JSON.stringify(json));
    if ('line' in json) {
      t.equal(json.line, expected, 'the line of the last entrustment');
      t.comment(`heap in use after the lookup: ${json.heapMb.toFixed(0)} MB`);
    }
  },
);

t.test('the YAML parser, for comparison, does not fit in that heap', async (t) => {
  t.same(await lookUp('yaml'), { error: 'ERR_WORKER_OUT_OF_MEMORY' });
});
