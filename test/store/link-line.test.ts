import t from 'tap';
import { withEvidence } from '../../src/domain/exposure/walk-link.js';
import { decodeLinkLine, encodeLinkLine } from '../../src/store/link-line.js';
import { defined, entrustmentRecord } from '../helpers/records.js';

// A link line holds what a path reads of an entrustment (confidence, disclosure, subjects) beside
// its links, so a walk on the embedded store reads no whole record for them; a line written
// before those fields existed still reads, and leaves them to be read from the record.

t.test('a line carries confidence, disclosure and subjects, and reads them back', async (t) => {
  const fields = {
    under: ['e0', 'e9'],
    from: '2014-01-01',
    records: 3000,
    confidence: 'alleged' as const,
    disclosed: false,
    subjects: ['residents', 'visitors'],
  };
  const line = encodeLinkLine(entrustmentRecord('e1', 'city', 'vendor', fields))!;
  t.strictSame(defined(decodeLinkLine('e1', line)), {
    id: 'e1',
    client: 'city',
    contractor: 'vendor',
    data: ['user.contact'],
    ...fields,
  });
  const plain = decodeLinkLine('e2', encodeLinkLine(entrustmentRecord('e2', 'a', 'b'))!);
  t.strictSame(
    [plain.confidence, plain.disclosed, plain.subjects],
    ['confirmed', true, []],
    'the defaults as the record holds them',
  );
});

t.test('a line written before the evidence fields leaves them to the record', async (t) => {
  const e = entrustmentRecord('e3', 'city', 'vendor', {
    confidence: 'reported',
    disclosed: false,
    subjects: ['staff'],
  });
  // The seven fields a line held until this one: client to records.
  const old = encodeLinkLine(e)!.split('\t').slice(0, 7).join('\t');
  const link = decodeLinkLine('e3', old);
  t.strictSame(
    [link.confidence, link.disclosed, link.subjects],
    [undefined, undefined, undefined],
    'none read from an old line',
  );
  let read: string[] = [];
  await withEvidence([link], async (ids) => {
    read = ids;
    return [e];
  });
  t.strictSame(read, ['e3'], 'withEvidence reads the record of a link from an old line');
  t.strictSame([link.confidence, link.disclosed, link.subjects], ['reported', false, ['staff']]);

  const fresh = decodeLinkLine('e3', encodeLinkLine(e)!);
  await withEvidence([fresh], async () => {
    throw new Error('a link whose line holds its evidence reads no record');
  });
  t.strictSame([fresh.confidence, fresh.disclosed, fresh.subjects], ['reported', false, ['staff']]);
});

t.test('a subject with a control character gives no line: readers use the JSON', async (t) => {
  t.equal(encodeLinkLine(entrustmentRecord('e4', 'a', 'b', { subjects: ['a\tb'] })), null);
  t.equal(encodeLinkLine(entrustmentRecord('e5', 'a', 'b', { subjects: ['a\u001fb'] })), null);
  t.type(encodeLinkLine(entrustmentRecord('e6', 'a', 'b', { subjects: ['a, b'] })), 'string');
});

t.test('links without subjects share one list no reader can add to', async (t) => {
  const a = decodeLinkLine('a', encodeLinkLine(entrustmentRecord('a', 'x', 'y'))!);
  const b = decodeLinkLine('b', encodeLinkLine(entrustmentRecord('b', 'x', 'y'))!);
  t.equal(a.subjects, b.subjects, 'one list');
  t.throws(() => a.subjects!.push('someone'), TypeError, 'frozen');
  t.strictSame(b.subjects, []);
});
