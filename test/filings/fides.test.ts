import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { inProject } from '../../src/paths.js';
import { fidesManifest } from '../../src/register/export/fides.js';
import { importRegister } from '../../src/register/import.js';
import { storedRegister, type StoredRegister } from '../../src/register/stored-register.js';
import { demoRegister, tempStore } from '../helpers/app.js';

// vendor-chain export --format fides, validated by fideslang's own models (the pip package, which
// .ci/install-python.sh installs): the demo register's map, and a custom category declared.

const hasFideslang = spawnSync('python3', ['-c', 'import fideslang']).status === 0;
const skip = hasFideslang
  ? false
  : process.env.CI === 'true'
    ? (() => {
        throw new Error('CI=true but python3 cannot import fideslang (.ci/install-python.sh)');
      })()
    : 'python3 with fideslang is not installed (pip install fideslang, or .ci/install-python.sh)';

const dir = await mkdtemp(join(tmpdir(), 'vc-fides-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));

async function validate(manifest: string) {
  const file = join(dir, `manifest-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, manifest);
  const summary = execFileSync(
    'python3',
    [inProject('test', 'helpers', 'validate-fides.py'), file],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(summary) as {
    systems: string[];
    flows: number;
    declared: string[];
    international: string[];
  };
}

t.test('the demo register’s map is valid fideslang', { skip }, async (t) => {
  const store = await tempStore(t, 'vc-fides-store-');
  t.ok((await importRegister(store, await demoRegister())).ok);
  const register = await storedRegister(store);
  const manifest = fidesManifest(register);
  const summary = await validate(manifest);
  const holders = new Set(register.entrustments.flatMap((e) => [e.client, e.contractor]));
  t.same(summary.systems, [...holders].sort(), 'one system per party holding data');
  const pairs = new Set(register.entrustments.map((e) => `${e.client}>${e.contractor}`));
  t.equal(summary.flows, 2 * pairs.size, 'each client–contractor pair: an egress and an ingress');
  t.ok(summary.international.includes('line-corp'), 'LINE’s Korean and Chinese hops are transfers');
  const doc = parse(manifest) as { system: Array<Record<string, any>> };
  const makeshop = doc.system.find((s) => s.fides_key === 'makeshop')!;
  t.match(makeshop.ingress, [{ fides_key: 'cotode', type: 'system' }]);
  t.match(makeshop.meta.vendor_chain.entrustments, [{ id: 'cotode--makeshop', disclosed: false }]);
});

t.test('a custom category is declared as fideslang extends its taxonomy', { skip }, async (t) => {
  const register: StoredRegister = {
    register: 1,
    sources: [],
    parties: [
      {
        id: 'city',
        name: '市',
        aka: [],
        kind: 'municipality',
        country: 'JP',
        memberOf: [],
        certifications: [],
        confidence: 'confirmed',
        sources: [],
      },
      {
        id: 'bpo',
        name: 'BPO Inc.',
        aka: [],
        kind: 'company',
        country: 'US',
        memberOf: [],
        certifications: [],
        confidence: 'confirmed',
        sources: [],
      },
    ],
    entrustments: [
      {
        id: 'city--bpo',
        client: 'city',
        contractor: 'bpo',
        under: [],
        purposes: ['my-number-entry'],
        data: ['user.government_id.my_number', 'user.name'],
        subjects: ['residents'],
        reentrustment: 'forbidden',
        disclosed: true,
        approvedBy: [],
        storage: ['US'],
        access: [],
        transferBasis: 'equivalent-measures',
        confidence: 'confirmed',
        sources: [],
      },
    ],
    incidents: [],
  };
  const summary = await validate(fidesManifest(register));
  t.same(summary.declared, ['user.government_id.my_number']);
  t.same(summary.international, ['city']);
});

// The register's taxonomy is newer than fideslang's release, which refuses the renamed and added
// keys: each is named as the release knows it, or declared under a key it knows.
t.test('keys newer than the fideslang release load into it', { skip }, async (t) => {
  const store = await tempStore(t, 'vc-fides-store-');
  const report = await importRegister(
    store,
    `
register: 1
categories:
  - { id: user.health.kenshin, parent: user.health, name: 健康診断の結果, description: annual check-ups }
  - { id: user.government_id.my_number, parent: user.government_id, name: My Number }
parties:
  - { id: kumiai, name: 健康保険組合, kind: company, country: JP }
  - { id: clinic, name: Clinic, kind: company, country: JP }
entrustments:
  - id: kumiai--clinic
    client: kumiai
    contractor: clinic
    under: []
    data: [user.health_and_medical, user.health.condition, user.health.kenshin, user.professional_information.job_title]
`,
  );
  t.ok(report.ok, JSON.stringify(report.errors));
  const register = await storedRegister(store);
  t.ok(register.entrustments[0]!.data.includes('user.health'), 'the import took the newer key');
  const manifest = fidesManifest(register);
  const summary = await validate(manifest);
  t.same(
    summary.declared,
    [
      'user.government_id.my_number',
      'user.health_and_medical.condition',
      'user.health_and_medical.kenshin',
    ],
    'added keys and declared ones are declared under released parents; unused declarations too',
  );
  const doc = parse(manifest) as { system: Array<Record<string, any>>; data_category: any[] };
  const clinic = doc.system.find((s) => s.fides_key === 'clinic')!;
  t.same(
    [...clinic.ingress[0].data_categories].sort(),
    [
      'user.health_and_medical',
      'user.health_and_medical.condition',
      'user.health_and_medical.kenshin',
      'user.job_title',
    ],
    'renamed keys by their released names',
  );
  t.match(
    doc.data_category.find((c) => c.fides_key === 'user.health_and_medical.kenshin'),
    {
      name: '健康診断の結果',
      description: 'annual check-ups',
      parent_key: 'user.health_and_medical',
    },
    'a declared category keeps its name and description',
  );
});
