import t from 'tap';
import { performance } from 'node:perf_hooks';
import { FreshRead } from '../../src/store/neo4j/fresh-read.js';

// The generation every request reads on Neo4j: asks at the same moment share one read, and no
// ask is answered by a read that started before it (it could miss a write committed just before).

/** A read whose answer is the number of reads started so far, ended by hand. */
function manualReads() {
  let started = 0;
  const pending: Array<(fail?: Error) => void> = [];
  const read = () => {
    const n = ++started;
    return new Promise<number>((resolve, reject) =>
      pending.push((fail) => (fail ? reject(fail) : resolve(n))),
    );
  };
  const finish = async (fail?: Error) => {
    pending.shift()!(fail);
    // Let the waiting asks start their read.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { read, finish, started: () => started };
}

t.test('asks during a read wait for one next read, started after them', async (t) => {
  const m = manualReads();
  const reads = new FreshRead(m.read);
  const first = reads.get();
  const during = Array.from({ length: 10 }, () => reads.get());
  t.equal(m.started(), 1, 'one read running');
  await m.finish();
  t.equal(await first, 1, 'the first ask gets the first read');
  t.equal(m.started(), 2, 'the ten asks made while it ran share one more');
  await m.finish();
  t.same(await Promise.all(during), Array(10).fill(2), 'and none gets the older read');
  const later = reads.get();
  t.equal(m.started(), 3, 'an ask when nothing runs reads at once');
  await m.finish();
  t.equal(await later, 3);
});

t.test('a failed read fails its askers only; the next ask reads again', async (t) => {
  const m = manualReads();
  const reads = new FreshRead(m.read);
  const failing = reads.get();
  const waiting = reads.get();
  await m.finish(new Error('connection lost'));
  await t.rejects(failing, /connection lost/);
  await m.finish();
  t.equal(await waiting, 2, 'the ask that waited got the read after the failure');
});

t.test('a read that follows a running one starts its spacing after that one started', async (t) => {
  const starts: number[] = [];
  const reads = new FreshRead(async () => {
    starts.push(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 2));
    return starts.length;
  }, 40);
  const first = reads.get();
  const during = reads.get();
  t.equal(await first, 1);
  t.equal(await during, 2, 'the ask made during the first read gets the next one');
  t.ok(starts[1]! - starts[0]! >= 39, `started ${(starts[1]! - starts[0]!).toFixed(1)} ms later`);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const alone = performance.now();
  t.equal(await reads.get(), 3, 'an ask while nothing runs');
  t.ok(starts[2]! - alone < 30, 'reads at once, however soon after the last read');
});
