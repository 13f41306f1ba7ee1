import { importRegister } from '../src/register/import.js';
import { describeDashboardLoad, dashboardLoad } from './dashboard-load.js';
import { generate } from './generate.js';
import { serve } from './served.js';
import { embedded, neo4j, storesToMeasure } from './stores.js';

// npm run bench:dashboard [-- 10000]: the dashboard load alone (dashboard-load.ts), on each store,
// for one synthetic register; npm run bench runs it too, on its smallest register.

const parties = Number(process.argv[2] ?? 10_000);
const seconds = Number(process.env.VC_BENCH_DASHBOARD_S ?? 30);
const synthetic = generate(parties);
for (const name of storesToMeasure()) {
  const target = name === 'embedded' ? embedded() : await neo4j();
  try {
    const store = await target.openToImport();
    const report = await importRegister(store, synthetic.document);
    await store.close();
    if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const served = await serve(target.serverEnv);
    try {
      const r = await dashboardLoad(served, synthetic.hubs, synthetic.controllers, seconds);
      console.log(describeDashboardLoad(parties, name, r, seconds));
    } finally {
      await served.stop();
    }
  } finally {
    await target.dispose();
  }
}
