import { spawn, spawnSync } from 'node:child_process';
import t, { type Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { defaultDashboards } from '../../src/dashboards/config.js';
import { inProject } from '../../src/paths.js';
import { importRegister } from '../../src/register/import.js';
import { demoRegister, tempStore } from '../helpers/app.js';

// docs/dashboards.md's examples, run as a reader would run them, against a service on the demo
// register: each polls, asks by hash, then waits for a change, which the test makes.

const pythonReady =
  spawnSync('python3', ['-c', 'import requests, websockets'], { encoding: 'utf8' }).status === 0;
if (!pythonReady && process.env.CI === 'true')
  throw new Error(
    'CI=true but python3 with requests and websockets is missing (.ci/run installs docs/examples/requirements.txt)',
  );

async function run(t: Test, command: string, script: string) {
  const store = await tempStore(t, 'vc-dash-docs-');
  t.ok((await importRegister(store, await demoRegister())).ok);
  const app = await buildApp({ store, dashboards: { ...defaultDashboards(), changePollMs: 50 } });
  t.teardown(() => app.close());
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const child = spawn(command, [inProject('docs', 'examples', script)], {
    cwd: inProject('docs', 'examples'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', VC_URL: address },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let writes = 0;
  let writing: NodeJS.Timeout | undefined;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    // Subscribed: write until the example is told (a write before its subscription is live is not a change).
    if (out.includes('waiting for a change') && !writing)
      writing = setInterval(() => {
        const document = `register: 1\nparties:\n  - { id: docs-example, name: edit ${writes++}, kind: company }\n`;
        void importRegister(store, document);
      }, 300);
  });
  const code = await exited;
  clearInterval(writing);
  t.equal(code, 0, err);
  t.match(
    out,
    new RegExp(
      [
        /^overview: \d+ incidents, \d+ findings$/,
        /^polled again: 304$/,
        /^persisted query registered$/,
        /^by hash: \d+ parties$/,
        /^waiting for a change$/,
        /^changed: revision \d+$/,
        /^overview after the change: 304$/,
        /^stats after the change: 200$/,
      ]
        .map((r) => r.source.slice(1, -1))
        .join('\n'),
    ),
  );
}

t.test('the JavaScript example', (t) => run(t, process.execPath, 'dashboard.mjs'));
t.test(
  'the Python example',
  { skip: pythonReady ? false : 'python3 with requests and websockets is not installed' },
  (t) => run(t, 'python3', 'dashboard.py'),
);
