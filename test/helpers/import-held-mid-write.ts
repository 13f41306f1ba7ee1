import { readFile } from 'node:fs/promises';
import { importRegister } from '../../src/register/import.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';

// A child for test/store/faults.test.ts: imports the register file argv[3] into the embedded store
// in argv[2]. At the write's first progress, which comes from inside the write transaction, it says
// how far it is and holds there, so the test's SIGKILL lands in the middle of the write.

const [dataDir, file] = process.argv.slice(2);
const store = await openEmbeddedStore(dataDir!);
await importRegister(store, await readFile(file!, 'utf8'), {
  onProgress: (done, total) => {
    if (done === total) return;
    process.stdout.write(`writing ${done}/${total}\n`);
    // Blocks this thread, transaction open, until the test kills the process (or two minutes pass).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  },
});
process.stdout.write('committed\n');
