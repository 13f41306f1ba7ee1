import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import t from 'tap';
import { parse } from 'yaml';
import { inProject } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

// Registers kept as spreadsheets, through the command line on the embedded store: Japanese
// headers and lists in one cell, errors that name the sheet (or file), row and column and write
// nothing, the template's drop-downs and date cells, and one controller's chain on its own.

const dir = await mkdtemp(join(tmpdir(), 'vc-sheets-cli-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
let stores = 0;
const freshEnv = () => ({ STORE: 'embedded', DATA_DIR: join(dir, `store-${++stores}`) });

const exported = async (env: Record<string, string>) =>
  parse((await cli(['export', '--format', 'yaml'], env)).out) as Record<string, any>;
const byId = (records: Array<{ id: string }>) => new Map(records.map((r) => [r.id, r as any]));

t.test(
  'a CSV directory with Japanese file names and headers imports as the register',
  async (t) => {
    const env = freshEnv();
    const csv = inProject('docs', 'sheets', 'ja-csv');
    const checked = await cli(['check', csv], {});
    t.same(
      [checked.code, checked.out],
      [0, 'ok: 5 parties, 2 entrustments, 1 incident, 0 sources\n'],
    );
    t.equal((await cli(['import', csv], env)).code, 0);
    const register = await exported(env);
    const entrustments = byId(register.entrustments);
    t.match(entrustments.get('takeo-city--cotode'), {
      under: [],
      data: ['user.name', 'user.contact', 'user.financial.credit_card'],
      subjects: ['購入者', '寄附者'],
      records: 12000,
      reentrustment: 'forbidden',
      disclosed: true,
    });
    t.match(entrustments.get('cotode--makeshop'), {
      under: ['takeo-city--cotode'],
      reentrustment: 'unknown',
      disclosed: false,
      storage: ['JP', 'US'],
    });
    const parties = byId(register.parties);
    t.same(parties.get('cotode').memberOf, [{ party: 'fb-holdings', role: '代表構成員' }]);
    t.equal(parties.get('fb-holdings').note, '共同企業体\n(consortium)');
    t.match(byId(register.incidents).get('makeshop-2014'), { records: 100000, from: '2014-09-01' });
  },
);

t.test('a broken cell is named by sheet, row and column, and nothing is written', async (t) => {
  const env = freshEnv();
  t.equal((await cli(['import', inProject('docs', 'example-register.yaml')], env)).code, 0);
  const book = join(dir, 'example.xlsx');
  t.equal((await cli(['export', '--format', 'xlsx', '--out', book], env)).code, 0);
  const before = await exported(env);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet('entrustments')!;
  const header = (sheet.getRow(1).values as string[]).indexOf('from');
  sheet.getRow(3).getCell(header).value = '2023-02-30';
  sheet.getRow(2).getCell(header + 1).value = 'soon';
  workbook.getWorksheet('parties')!.getRow(2).getCell(1).value = 'Cart Inc';
  const broken = join(dir, 'broken.xlsx');
  await workbook.xlsx.writeFile(broken);

  const checked = await cli(['check', broken], {});
  t.equal(checked.code, 1);
  t.match(
    checked.err,
    `${broken}, sheet entrustments, row 3, column I (from): error: entrustments[1].from: expected a date like 2014-09-25`,
  );
  t.match(
    checked.err,
    `${broken}, sheet entrustments, row 2, column J (to): error: entrustments[0].to`,
  );
  t.match(checked.err, `${broken}, sheet parties, row 2, column A (id): error: parties[0].id`);
  const imported = await cli(['import', broken], env);
  t.equal(imported.code, 1);
  t.match(imported.err, /nothing imported: \d+ errors/);
  t.same(await exported(env), before, 'the store is as it was');
});

t.test('unknown sheets, columns and owners are errors with their place', async (t) => {
  const csv = join(dir, 'odd-csv');
  await mkdir(csv);
  await writeFile(join(csv, 'parties.csv'), 'id,name,kind,colour\nacme,Acme,company,red\n');
  await writeFile(join(csv, 'certifications.csv'), 'party,scheme,status\nnobody,isms,active\n');
  await writeFile(
    join(csv, 'entrustments.csv'),
    'id,client,contractor,records,disclosed\ne,acme,x,many,perhaps\ne2,acme,acme,,\n',
  );
  await writeFile(join(csv, 'vendors.csv'), 'id\nx\n');
  const checked = await cli(['check', csv], {});
  t.equal(checked.code, 1);
  const file = (name: string) => join(csv, name);
  t.match(
    checked.err,
    `${file('parties.csv')}, row 1, column D (colour): error: parties: unknown column "colour"`,
  );
  t.match(
    checked.err,
    `${file('certifications.csv')}, row 2, column A (party): error: certifications: no party "nobody" in the parties sheet`,
  );
  t.match(
    checked.err,
    `${file('entrustments.csv')}, row 3, column C (contractor): error: entrustments[1].contractor: is the client itself`,
  );
  t.match(
    checked.err,
    `${file('entrustments.csv')}, row 2, column D (records): error: entrustments[0].records`,
  );
  t.match(
    checked.err,
    `${file('entrustments.csv')}, row 2, column E (disclosed): error: entrustments[0].disclosed`,
  );
  t.match(checked.err, `${file('vendors.csv')}: error: (document): unknown sheet "vendors"`);
  const list = join(dir, 'bad-list');
  await mkdir(list);
  await writeFile(join(list, 'parties.csv'), 'id,name,kind,aka\nacme,Acme,company,"[""unclosed"\n');
  t.match(
    (await cli(['check', list], {})).err,
    /parties\.csv, row 2, column D \(aka\): error: parties\.aka: a cell that starts with "\[" must be a JSON list/,
  );
  const quoted = join(dir, 'bad-quote');
  await mkdir(quoted);
  await writeFile(join(quoted, 'parties.csv'), 'id,name,kind\nacme,"Acme,company\n');
  t.match(
    (await cli(['check', quoted], {})).err,
    /parties\.csv, row \d+: error: \(document\): not valid CSV: /,
  );
  const empty = join(dir, 'no-csv');
  await mkdir(empty);
  t.match(await cli(['check', empty], {}), {
    code: 1,
    err: `${empty} is a directory with no .csv files`,
  });
  const notBook = join(dir, 'not.xlsx');
  await writeFile(notBook, 'register: 1\n');
  t.match(
    (await cli(['check', notBook], {})).err,
    `${notBook}: error: (document): not an Excel workbook`,
  );
  t.equal((await cli(['check', join(dir, 'odd-csv', '..', 'store-none')], {})).code, 2);
});

t.test('the template has a README, drop-downs and date cells, and checks as empty', async (t) => {
  const file = join(dir, 'template.xlsx');
  t.equal((await cli(['template', '--out', file], {})).code, 0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  t.same(
    book.worksheets.map((s) => s.name),
    [
      'README',
      'sources',
      'parties',
      'certifications',
      'entrustments',
      'incidents',
      'revisions',
      'categories',
      'lists',
    ],
  );
  t.equal(book.getWorksheet('lists')!.state, 'hidden');
  const entrustments = book.getWorksheet('entrustments')!;
  const column = (field: string) => (entrustments.getRow(1).values as string[]).indexOf(field);
  t.match(entrustments.getRow(50).getCell(column('reentrustment')).dataValidation, {
    type: 'list',
    formulae: ['"forbidden,approval-required,allowed,unknown"'],
  });
  t.match(entrustments.getRow(50).getCell(column('from')).dataValidation, { type: 'date' });
  t.equal(entrustments.getColumn(column('from')).numFmt, 'yyyy-mm-dd');
  t.match(entrustments.getRow(2).getCell(column('data')).dataValidation, {
    type: 'list',
    formulae: [/^lists!\$A\$2:\$A\$\d+$/],
  });
  const categories = book.getWorksheet('lists')!.getColumn(1).values as string[];
  t.ok(categories.includes('user.contact.email'));
  t.same(await cli(['check', file], {}), {
    code: 0,
    out: 'ok: 0 parties, 0 entrustments, 0 incidents, 0 sources\n',
    err: '',
  });
});

t.test('one controller’s chain exports as a register that imports on its own', async (t) => {
  const env = freshEnv();
  t.equal((await cli(['import', inProject('examples', 'demo-register.yaml')], env)).code, 0);
  const out = join(dir, 'mishima-csv');
  const done = await cli(
    ['export', '--controller', 'mishima-city', '--format', 'csv', '--out', out],
    env,
  );
  t.equal(done.code, 0, done.err);
  t.same((await readdir(out)).sort(), [
    'categories.csv',
    'certifications.csv',
    'entrustments.csv',
    'incidents.csv',
    'parties.csv',
    'revisions.csv',
    'sources.csv',
  ]);
  const entrustments = await readFile(join(out, 'entrustments.csv'), 'utf8');
  t.ok(
    entrustments.startsWith('\uFEFFid,client,contractor,under'),
    'UTF-8 with a BOM, field names first',
  );
  t.notMatch(entrustments, /takeo-city/, 'no other controller’s entrustments');
  const alone = await cli(['check', out], {});
  t.equal(alone.code, 0, alone.err);
  const other = freshEnv();
  t.equal((await cli(['import', out], other)).code, 0);
  const chain = (env: Record<string, string>) =>
    cli(['chain', '--controller', 'mishima-city', '--format', 'json'], env);
  t.same(
    JSON.parse((await chain(other)).out),
    JSON.parse((await chain(env)).out),
    'the same chain',
  );
  t.equal((await cli(['export', '--format', 'xlsx'], env)).code, 2, 'xlsx needs --out');
  // Over an earlier export it writes again; beside another CSV file it refuses, writing nothing.
  t.equal((await cli(['export', '--format', 'csv', '--out', out], env)).code, 0);
  await writeFile(join(out, '当事者.csv'), 'id,名称\n');
  const before = await readFile(join(out, 'parties.csv'), 'utf8');
  const refused = await cli(['export', '--format', 'csv', '--out', out], env);
  t.equal(refused.code, 2);
  t.match(refused.err, /holds CSV files that export does not write \(当事者\.csv\)/);
  t.equal(await readFile(join(out, 'parties.csv'), 'utf8'), before, 'nothing was written');
  const onFile = await cli(['export', '--format', 'csv', '--out', join(out, 'parties.csv')], env);
  t.same([onFile.code, onFile.err.includes('is a file')], [2, true]);
});
