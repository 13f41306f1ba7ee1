import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { inProject } from '../../src/paths.js';

// The layers of .dependency-cruiser.cjs hold on the tree, and the rules can fail: a small tree
// with each kind of wrong-way import is caught, rule by rule.

const run = promisify(execFile);
const CONFIG = inProject('.dependency-cruiser.cjs');
const DEPCRUISE = inProject('node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

async function cruise(cwd: string, dirs: string[]): Promise<Violation[]> {
  // depcruise exits non-zero when it finds violations; the JSON on stdout says which.
  const { stdout } = await run(
    process.execPath,
    [DEPCRUISE, ...dirs, '--config', CONFIG, '--output-type', 'json', '--no-progress'],
    { cwd, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

t.test('the tree has no cycle and no wrong-way import', async (t) => {
  const violations = await cruise(inProject(), ['src', 'bench', 'scripts']);
  t.same(
    violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`),
    [],
  );
});

const WRONG_TREE: Record<string, string> = {
  'src/domain/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
  'src/domain/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
  'src/domain/reads.ts':
    "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  'src/domain/opens.ts':
    "import { open } from '../store/embedded/open.js';\nexport const o = open;\n",
  'src/domain/uses.ts': "import { use } from '../register/use.js';\nexport const u = use;\n",
  'src/domain/audits.ts':
    "import { REVISION_IDS_MAX } from '../register/audit.js';\nexport const n = REVISION_IDS_MAX;\n",
  'src/domain/types.ts':
    "import type { AuditDraft } from '../register/audit.js';\nexport type A = AuditDraft;\n",
  'src/register/audit.ts':
    'export const REVISION_IDS_MAX = 1;\nexport interface AuditDraft { at: string }\n',
  'src/store/port.ts': 'export const port = 1;\n',
  'src/store/embedded/open.ts': 'export const open = 1;\n',
  'src/store/neo4j/bulk.ts':
    "import { use } from '../../register/use.js';\nexport const x = use;\n",
  'src/register/use.ts': "import { w } from '../worker/w.js';\nexport const use = w;\n",
  'src/worker/w.ts': "import { Worker } from 'node:worker_threads';\nexport const w = Worker;\n",
  'src/cli/c.ts': "import { Worker } from 'node:worker_threads';\nexport const c = Worker;\n",
};

t.test('the rules catch a cycle, a domain reading files and each wrong-way import', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vc-layers-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const files = {
    ...WRONG_TREE,
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
    }),
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  // A cycle is reported once, from whichever of its modules is met first.
  const found = new Set(
    (await cruise(dir, ['src'])).map((v) =>
      v.rule.name === 'no-circular' ? 'no-circular: a <-> b' : `${v.rule.name}: ${v.from}`,
    ),
  );
  t.same([...found].sort(), [
    'domain-is-pure: src/domain/opens.ts',
    'domain-is-pure: src/domain/reads.ts',
    'domain-is-pure: src/domain/uses.ts',
    'domain-takes-only-types-of-the-port: src/domain/audits.ts',
    'no-circular: a <-> b',
    'register-knows-no-adapter: src/register/use.ts',
    'store-adapters-stay-below-the-edges: src/store/neo4j/bulk.ts',
    'threads-only-in-the-worker: src/cli/c.ts',
  ]);
});
