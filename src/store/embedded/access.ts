import type { ApiKey } from '../../access/model.js';
import type { AuditDraft, AuditEntry } from '../../register/audit.js';
import { BadInputError } from '../../errors.js';
import type { Tables } from './tables.js';
import { appendAudit, nextGeneration } from './generation.js';

// API keys (by name) and the audit log (by write generation) of the embedded store. Each key
// write takes a new generation, as record writes do, so every audit entry has its own id.

export function readApiKeys(tables: Tables): ApiKey[] {
  return Array.from(tables.apiKeys.getRange({}), (entry) => JSON.parse(entry.value) as ApiKey);
}

export function addApiKey(tables: Tables, key: ApiKey, audit: AuditDraft): void {
  tables.root.transactionSync(() => {
    if (tables.apiKeys.get(key.name) !== undefined)
      throw new BadInputError(
        'name',
        `a key named "${key.name}" exists already; revoke it first or choose another name`,
      );
    tables.apiKeys.putSync(key.name, JSON.stringify(key));
    appendAudit(tables, nextGeneration(tables), audit);
  });
}

export function revokeApiKey(tables: Tables, name: string, audit: AuditDraft): boolean {
  return tables.root.transactionSync(() => {
    if (tables.apiKeys.get(name) === undefined) return false;
    tables.apiKeys.removeSync(name);
    appendAudit(tables, nextGeneration(tables), audit);
    return true;
  });
}

export function readAuditLog(tables: Tables, first: number, after: string | null): AuditEntry[] {
  if (!(first > 0)) return [];
  const before = after === null ? undefined : Number(after);
  const range =
    before === undefined
      ? { reverse: true, limit: first }
      : { reverse: true, start: before, exclusiveStart: true, limit: first };
  return Array.from(tables.audit.getRange(range), ({ key, value }) => ({
    id: String(key),
    ...(JSON.parse(value) as AuditDraft),
  }));
}
