import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import t, { type Test } from 'tap';
import { newKey } from '../../src/access/key-hash.js';
import { buildApp } from '../../src/app.js';
import { inProject } from '../../src/paths.js';
import { auditDraft } from '../../src/register/audit-summary.js';
import { importRegister } from '../../src/register/import.js';
import { storedRegister } from '../../src/register/stored-register.js';
import { generate } from '../../bench/generate.js';
import { toSheets } from '../../src/register/sheets/to-sheets.js';
import { writeXlsx } from '../../src/register/sheets/write-xlsx.js';
import { defaultSecurity } from '../../src/security-config.js';
import { tempStore } from '../helpers/app.js';

// Editors download the register as a workbook and upload one: the same rules and atomic write as
// any import, errors by sheet, row and column, and the roles of API keys.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const example = await readFile(inProject('docs', 'example-register.yaml'), 'utf8');

async function appOnStore(t: Test) {
  const store = await tempStore(t, 'vc-sheets-http-');
  const app = await buildApp({ store });
  t.teardown(() => app.close());
  return { app, store };
}

const upload = (bytes: Buffer, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: XLSX }), 'register.xlsx');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};

t.test('a downloaded workbook uploads into another store as the same register', async (t) => {
  const source = await appOnStore(t);
  t.ok((await importRegister(source.store, example)).ok);
  const download = await source.app.inject({ method: 'GET', url: '/register.xlsx' });
  t.equal(download.statusCode, 200);
  t.equal(download.headers['content-type'], XLSX);
  t.match(download.headers['content-disposition'], 'attachment; filename="register.xlsx"');

  const target = await appOnStore(t);
  const dry = await target.app.inject({
    method: 'POST',
    url: '/register.xlsx',
    payload: upload(download.rawPayload, { dryRun: 'true' }),
  });
  t.match(dry.json(), { ok: true, dryRun: true, parties: 4, entrustments: 2 });
  t.same((await storedRegister(target.store)).parties, [], 'a dry run writes nothing');
  const done = await target.app.inject({
    method: 'POST',
    url: '/register.xlsx',
    payload: upload(download.rawPayload),
  });
  t.match(done.json(), { ok: true, revision: '1' });
  t.same(await storedRegister(target.store), await storedRegister(source.store));
  const audit = await target.store.auditLog(1, null);
  t.same([audit[0]?.actor, audit[0]?.action], ['anonymous', 'importWorkbook']);

  const chain = await source.app.inject({
    method: 'GET',
    url: '/register.xlsx?controller=example-city',
  });
  t.match(chain.headers['content-disposition'], 'register-example-city.xlsx');
  const unknown = await source.app.inject({
    method: 'GET',
    url: '/register.xlsx?controller=nobody',
  });
  t.same([unknown.statusCode, unknown.json().code], [404, 'NOT_FOUND']);
});

t.test('a broken workbook is refused with its places, and nothing is written', async (t) => {
  const { app, store } = await appOnStore(t);
  t.ok((await importRegister(store, example)).ok);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await app.inject({ method: 'GET', url: '/register.xlsx' }))
      .rawPayload as unknown as ArrayBuffer,
  );
  book.getWorksheet('incidents')!.getCell('C2').value = 'hacked';
  book.getWorksheet('parties')!.getCell('B3').value = 'Renamed';
  const before = await storedRegister(store);
  const refused = await app.inject({
    method: 'POST',
    url: '/register.xlsx',
    payload: upload(Buffer.from(await book.xlsx.writeBuffer())),
  });
  t.equal(refused.statusCode, 422);
  t.match(refused.json().errors, [
    {
      file: 'register.xlsx',
      sheet: 'incidents',
      row: 2,
      column: 'C (kind)',
      path: 'incidents[0].kind',
    },
  ]);
  t.same(await storedRegister(store), before, 'the valid rename was not written either');
  const notMultipart = await app.inject({
    method: 'POST',
    url: '/register.xlsx',
    payload: { a: 1 },
  });
  t.equal(notMultipart.statusCode, 415);
  const noFile = new FormData();
  noFile.append('dryRun', 'true');
  t.equal(
    (await app.inject({ method: 'POST', url: '/register.xlsx', payload: noFile })).statusCode,
    400,
  );
  const badScope = await app.inject({
    method: 'POST',
    url: '/register.xlsx',
    payload: upload(Buffer.from('x'), { sync: 'Bad Scope!' }),
  });
  t.same([badScope.statusCode, badScope.json().code], [400, 'BAD_USER_INPUT']);
  // A mistyped field or flag is refused by name: read as "not a dry run", it would write. The
  // workbook is valid and renames a party, so a write would show.
  book.getWorksheet('incidents')!.getCell('C2').value = 'unauthorized-access';
  const renamed = Buffer.from(await book.xlsx.writeBuffer());
  for (const [fields, message] of [
    [{ dryRun: 'yes' }, 'form field "dryRun": expected true or false; got "yes"'],
    [{ dry_run: 'true' }, 'unknown form field "dry_run": expected file, dryRun, sync, force'],
  ] as const) {
    const refused = await app.inject({
      method: 'POST',
      url: '/register.xlsx',
      payload: upload(renamed, fields),
    });
    t.same(
      [refused.statusCode, refused.json().code, refused.json().errors[0].message],
      [400, 'BAD_USER_INPUT', message],
    );
  }
  t.same(await storedRegister(store), before, 'nothing was written');
  const written = await app.inject({
    method: 'POST',
    url: '/register.xlsx',
    payload: upload(renamed, { dryRun: 'false' }),
  });
  t.equal(written.statusCode, 200, 'the same workbook, with a flag that says so, is written');
  t.ok(
    (await storedRegister(store)).parties.some((p) => p.name === 'Renamed'),
    'the rename is in',
  );
  const notBook = await app.inject({
    method: 'POST',
    url: '/register.xlsx',
    payload: upload(Buffer.from('register: 1')),
  });
  t.match(notBook.json().errors[0].message, /not an Excel workbook/);
});

t.test('a workbook larger than the socket buffers imports in the import worker', async (t) => {
  const { app, store } = await appOnStore(t);
  const synthetic = generate(600);
  const bytes = await writeXlsx(toSheets(JSON.parse(synthetic.document)), { blankRows: 0 });
  t.ok(bytes.byteLength > defaultSecurity().importWorkerFromBytes, 'large enough for the worker');
  const done = await app.inject({ method: 'POST', url: '/register.xlsx', payload: upload(bytes) });
  t.match(done.json(), {
    ok: true,
    parties: synthetic.parties,
    entrustments: synthetic.entrustments,
  });
  t.equal((await store.counts()).entrustments, synthetic.entrustments);
});

t.test('readers download, editors upload, and no key is no access', async (t) => {
  const { app, store } = await appOnStore(t);
  const keys: Record<string, string> = {};
  for (const role of ['reader', 'editor'] as const) {
    const { plain, record } = await newKey(`${role}-key`, role);
    await store.addApiKey(record, auditDraft('test', 'keys create', `key "${record.name}"`));
    keys[role] = plain;
  }
  const as = (role: string) => ({ authorization: `Bearer ${keys[role]}` });
  t.equal((await app.inject({ method: 'GET', url: '/register.xlsx' })).statusCode, 401);
  const download = await app.inject({
    method: 'GET',
    url: '/register.xlsx',
    headers: as('reader'),
  });
  t.equal(download.statusCode, 200);
  const byReader = await app.inject({
    method: 'POST',
    url: '/register.xlsx',
    headers: as('reader'),
    payload: upload(download.rawPayload),
  });
  t.same([byReader.statusCode, byReader.json().code], [403, 'FORBIDDEN']);
  const byEditor = await app.inject({
    method: 'POST',
    url: '/register.xlsx',
    headers: as('editor'),
    payload: upload(download.rawPayload),
  });
  t.match(byEditor.json(), { ok: true });
});
