import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { ApiKey } from '../../access/model.js';
import type { Category } from '../../domain/model.js';
import type { AuditDraft } from '../../register/audit.js';
import type { Runners } from './access.js';
import { apiKeyProps, auditProps, categoryProps } from './access-rows.js';
import { toInteger } from './mapping.js';
import type { QueryName } from './queries.js';

// `vendor-chain migrate`: the first model kept categories, API keys and audit entries as one
// `json` property each. Each such node gets its fields as properties (access-rows.ts) and loses
// `json`, a page per transaction, until none is left; run again, it finds nothing to do.

const PAGE = 1_000;

interface Step {
  read: QueryName & `migrate/${string}-json`;
  write: QueryName & `migrate/${string}-props`;
  props: (json: string) => Record<string, unknown>;
}

const STEPS: Step[] = [
  {
    read: 'migrate/category-json',
    write: 'migrate/category-props',
    props: (json) => categoryProps(JSON.parse(json) as Category),
  },
  {
    read: 'migrate/key-json',
    write: 'migrate/key-props',
    props: (json) => apiKeyProps(JSON.parse(json) as ApiKey),
  },
  {
    read: 'migrate/audit-json',
    write: 'migrate/audit-props',
    props: (json) => auditProps(JSON.parse(json) as AuditDraft),
  },
];

/** Converts every node written the first way; returns how many it converted. */
export async function migrateJsonProperties(r: Runners): Promise<number> {
  let converted = 0;
  for (const step of STEPS) {
    for (;;) {
      let page: Neo4jRecord[] = [];
      await r.write(PAGE, async (tx) => {
        ({ records: page } = await r.run(tx, step.read, { limit: toInteger(PAGE) }));
        const rows = page.map((row) => ({
          key: row.get('key') as unknown,
          props: step.props(row.get('json') as string),
        }));
        if (rows.length > 0) await r.run(tx, step.write, { rows });
      });
      converted += page.length;
      if (page.length < PAGE) break;
    }
  }
  return converted;
}
