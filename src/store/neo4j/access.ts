import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { ApiKey } from '../../access/model.js';
import type { AuditDraft, AuditEntry } from '../../register/audit.js';
import { BadInputError } from '../../errors.js';
import { apiKeyOf, apiKeyProps, auditDraftOf, auditProps } from './access-rows.js';
import { toInteger, toNumber } from './mapping.js';
import type { QueryName, QueryParams } from './queries.js';

// API keys and the audit log on Neo4j. The adapter passes its own runners in, so these share its
// sessions, retries and error mapping.

export interface Runners {
  read<Q extends QueryName>(name: Q, params: QueryParams<Q>): Promise<Neo4jRecord[]>;
  write(rows: number, work: (tx: ManagedTransaction) => Promise<void>): Promise<void>;
  run<Q extends QueryName>(
    tx: ManagedTransaction,
    name: Q,
    params: QueryParams<Q>,
  ): Promise<{ records: Neo4jRecord[] }>;
}

/** After store/next-generation, inside the same transaction. */
export async function appendAudit(
  r: Runners,
  tx: ManagedTransaction,
  audit: AuditDraft | undefined,
): Promise<void> {
  if (audit) await r.run(tx, 'audit/append', { props: auditProps(audit) });
}

export async function apiKeys(r: Runners): Promise<ApiKey[]> {
  return (await r.read('key/list', {})).map(apiKeyOf);
}

export async function addApiKey(r: Runners, key: ApiKey, audit: AuditDraft): Promise<void> {
  await r.write(1, async (tx) => {
    const { records } = await r.run(tx, 'key/add', { name: key.name, props: apiKeyProps(key) });
    // Thrown inside the transaction, so the generation and the audit entry roll back with it.
    if (records[0]?.get('created') !== true)
      throw new BadInputError(
        'name',
        `a key named "${key.name}" exists already; revoke it first or choose another name`,
      );
    await r.run(tx, 'store/next-generation', {});
    await appendAudit(r, tx, audit);
  });
}

export async function revokeApiKey(r: Runners, name: string, audit: AuditDraft): Promise<boolean> {
  let revoked = false;
  await r.write(1, async (tx) => {
    const { records } = await r.run(tx, 'key/revoke', { name });
    revoked = toNumber(records[0]?.get('revoked')) === 1;
    if (!revoked) return;
    await r.run(tx, 'store/next-generation', {});
    await appendAudit(r, tx, audit);
  });
  return revoked;
}

export async function auditLog(
  r: Runners,
  first: number,
  after: string | null,
): Promise<AuditEntry[]> {
  if (!(first > 0)) return [];
  // null, not -1, for "no cursor": toInteger clamps at 0, and `seq < 0` found nothing at all.
  const rows = await r.read('audit/list', {
    before: after === null ? null : toInteger(Number(after)),
    limit: toInteger(first),
  });
  return rows.map((row) => ({
    id: String(toNumber(row.get('seq'))),
    ...auditDraftOf(row),
  }));
}
