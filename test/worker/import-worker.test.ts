import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { prepareInWorker } from '../../src/cli/commands/neo4j-csv.js';
import { VcError } from '../../src/errors.js';
import { importRegister } from '../../src/register/import.js';
import { ImportThreads } from '../../src/worker/import-threads.js';
import { ImportWorker } from '../../src/worker/import-worker.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { targetOf } from '../../src/store/target.js';
import { demoRegister, tempStore } from '../helpers/app.js';
import { largeRegister } from '../helpers/large-register.js';

// Imports in a worker thread are the same imports: the same reports, errors with the same codes
// and messages, the audit entry with the write, and a worker that dies is an error, not a hang.

const MB = 1024 * 1024;
const inWorker = new ImportThreads(0);

t.test(
  'a register imported in a worker: the same report and records as inline, seen by this thread at once',
  async (t) => {
    const [here, there] = [await tempStore(t), await tempStore(t)];
    const text = await demoRegister();
    const inline = await importRegister(here, text, { actor: 'alice', action: 'import' });
    const before = await there.generation();
    const off = await inWorker.import(there, [{ text }], { actor: 'alice', action: 'import' });
    t.same(off, inline);
    t.ok(off.ok);
    t.equal(
      await there.generation(),
      before + 1,
      'the write generation moved for this thread too (caches recompute)',
    );
    t.same(await there.counts(), await here.counts());
    const [a, b] = [await here.parties(['takeo-city']), await there.parties(['takeo-city'])];
    t.same(b, a);
    const entries = await there.auditLog(5, null);
    t.same(
      entries.map((e) => [e.actor, e.action, e.summary]),
      (await here.auditLog(5, null)).map((e) => [e.actor, e.action, e.summary]),
      'the same audit entry, with its actor',
    );
  },
);

t.test('a bad register: the same errors with the same lines, nothing written', async (t) => {
  const [here, there] = [await tempStore(t), await tempStore(t)];
  const text =
    'register: 1\nparties:\n  - { id: a, name: A, kind: company }\nentrustments:\n  - { id: x, client: a, contractor: nobody, under: [], data: [user.name], from: 2014-9-25 }\n';
  const inline = await importRegister(here, text);
  const off = await inWorker.import(there, [{ text, file: 'r.yaml' }], {});
  t.equal(off.ok, false);
  t.same(
    off.errors,
    inline.errors.map((e) => ({ ...e, file: 'r.yaml' })),
  );
  t.ok(off.errors.every((e) => typeof e.line === 'number'));
  t.same(await there.counts(), { sources: 0, parties: 0, entrustments: 0, incidents: 0 });
  t.same(await there.auditLog(5, null), []);
});

t.test(
  'a store the worker cannot open: the VcError the main thread would have had, code and message',
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'vc-worker-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'not-a-directory');
    await writeFile(file, 'x');
    const here = (await openEmbeddedStore(file).catch((e: unknown) => e)) as VcError;
    t.type(here, VcError);
    const worker = new ImportWorker();
    const there = (await worker
      .import({ kind: 'embedded', dataDir: file }, [{ text: 'register: 1' }], { dryRun: false })
      .catch((e: unknown) => e)) as VcError;
    t.type(there, VcError);
    t.same([there.code, there.message], [here.code, here.message]);
    await worker.exited;
  },
);

t.test('a worker that runs out of memory: a clear error, no hang, nothing written', async (t) => {
  const store = await tempStore(t);
  const target = targetOf(store);
  t.ok(target, 'an embedded store opened by path can be opened again from a worker');
  const worker = new ImportWorker({ maxOldGenerationSizeMb: 32 });
  const error = (await worker
    .import(target, [{ text: largeRegister('json', 8 * MB).text }], { dryRun: false })
    .catch((e: unknown) => e)) as VcError;
  t.type(error, VcError);
  t.equal(error.code, 'VC_INTERNAL');
  t.match(
    error.message,
    /the import stopped before it finished \(it ran out of memory: import the register in smaller files\); nothing was written/,
  );
  await worker.exited;
  t.same(await store.counts(), { sources: 0, parties: 0, entrustments: 0, incidents: 0 });
});

t.test(
  'a bulk load (neo4j-csv) whose worker runs out of memory: the advice it was given, and no files',
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'vc-bulk-oom-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const error = (await prepareInWorker(
      [{ text: largeRegister('json', 8 * MB).text }],
      { out: join(dir, 'csv'), actor: 'test' },
      { maxOldGenerationSizeMb: 32 },
    ).catch((e: unknown) => e)) as VcError;
    t.type(error, VcError);
    t.match(
      error.message,
      /\(it ran out of memory: give Node more memory, as in NODE_OPTIONS=--max-old-space-size=8192 vendor-chain neo4j-csv …\); nothing was written/,
    );
    t.same(await readdir(dir), [], 'no directory, whole or partial');
  },
);

t.test(
  'below the threshold, or with a store no worker can open, the import runs on this thread',
  async (t) => {
    const store = await tempStore(t);
    const text = await demoRegister();
    // A Proxy of a store has no target: the worker could not open it.
    const wrapped = new Proxy(store, {});
    t.equal(targetOf(wrapped), null);
    t.ok((await new ImportThreads(0).import(wrapped, [{ text }], {})).ok);
    const threads = new ImportThreads(text.length + 1);
    t.ok(threads.offThread(store, text.length + 1));
    t.notOk(threads.offThread(store, text.length));
    t.notOk(threads.offThread(wrapped, text.length + 1));
    t.ok((await threads.import(store, [{ text }], { dryRun: true })).ok);
  },
);

t.test('checking files with no store in a worker', async (t) => {
  const report = await inWorker.import(null, [{ text: await demoRegister(), file: 'demo.yaml' }], {
    dryRun: true,
  });
  t.ok(report.ok);
  t.ok(report.parties > 10);
});
