import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { cli as runCli } from '../helpers/cli.js';

// vendor-chain ropa and breach-report on the embedded store: every format, and bad arguments.

const dir = await mkdtemp(join(tmpdir(), 'vc-filings-cli-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const env = { STORE: 'embedded', DATA_DIR: join(dir, 'store') };

const cli = (args: string[]) => runCli(args, env);

t.before(async () => {
  if ((await cli(['import', inProject('docs', 'example-register.yaml')])).code !== 0)
    throw new Error('no fixture');
});

t.test('ropa as Markdown, CSV and a workbook', async (t) => {
  const md = await cli(['ropa', '--controller', 'example-city']);
  t.equal(md.code, 0);
  t.match(md.out, '- Controller / 管理者: 例市 (example-city)');
  t.match(md.out, '| Retention period / 保存期間 | Security measures / 安全管理措置 |');
  const csv = await cli(['ropa', '--controller', 'example-city', '--format', 'csv']);
  const lines = csv.out.trim().split('\n');
  t.equal(lines.length, 3, 'a header and two rows');
  t.match(
    lines[2],
    /^2,Cart SaaS \(cart-service\),sub-processor \/ 再委託先,株式会社ショップ運営 \(shop-operator\),2,declared \/ 記載,US,/,
  );
  const file = join(dir, 'ropa.xlsx');
  t.equal(
    (await cli(['ropa', '--controller', 'example-city', '--format', 'xlsx', '--out', file])).code,
    0,
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('record of processing')!;
  t.equal(sheet.getCell('B1').value, 'Processor / 委託先');
  t.equal(sheet.getCell('B2').value, '株式会社ショップ運営 (shop-operator)');
  // Counts are numbers and days are date cells, for the officer to sort and filter.
  const cell = (header: string) =>
    sheet.getRow(2).getCell((sheet.getRow(1).values as string[]).indexOf(header));
  t.equal(cell('Records / 件数').value, 12000);
  t.same(cell('From / 開始日').value, new Date('2023-04-01T00:00:00Z'));
  t.equal(cell('From / 開始日').numFmt, 'yyyy-mm-dd');
  t.equal(cell('To / 終了日').value, null, 'an open end stays empty');
  t.equal(book.getWorksheet('controller')!.getCell('B1').value, '例市 (example-city)');
  t.equal((await cli(['ropa', '--controller', 'example-city', '--format', 'xlsx'])).code, 2);
  const unknown = await cli(['ropa', '--controller', 'nobody']);
  t.same([unknown.code, unknown.err], [2, 'vendor-chain: no party with id "nobody"']);
});

t.test('breach-report as Markdown and JSON', async (t) => {
  const md = await cli([
    'breach-report',
    '--incident',
    'shop-operator-2024',
    '--controller',
    'example-city',
  ]);
  t.equal(md.code, 0);
  t.match(md.out, '- PRELIMINARY_REPORT: 2024-08-10');
  t.match(md.out, '- 報告する者 / Files the report: 例市 (example-city)');
  t.match(md.out, '  - 株式会社ショップ運営 (shop-operator) → 例市 (example-city)\n');
  // Each line of an item's English rendering stays a line of its own, as the Japanese does.
  t.match(md.out, /\n> Reportable because: [^\n]+ {2}\n> Sources: /);
  const json = JSON.parse(
    (
      await cli([
        'breach-report',
        '--incident',
        'cart-2024',
        '--controller',
        'example-city',
        '--format',
        'json',
      ])
    ).out,
  );
  t.match(json, {
    incident: 'cart-2024',
    filer: { id: 'example-city', name: '例市' },
    aware: false,
    required: true,
  });
  t.same(
    json.informers.map((i: any) => [i.party.id, i.informs.id, i.disclosed]),
    [
      ['shop-operator', 'example-city', true],
      ['cart-service', 'shop-operator', false],
    ],
  );
  t.equal(json.items.length, 9);
  const stranger = await cli([
    'breach-report',
    '--incident',
    'cart-2024',
    '--controller',
    'cart-inc',
  ]);
  t.equal(stranger.code, 2);
  t.match(stranger.err, /not among the controllers/);
});
