import type { IsoDate } from '../dates.js';
import { redelegationFindings, type RedelegationRule } from '../redelegation.js';
import type { Severity } from '../severity.js';
import type { StorePort } from '../../store/port.js';

export interface FindingCount {
  rule: RedelegationRule;
  severity: Severity;
  count: number;
  /** How many of them rest on an inferred link. */
  inferred: number;
}

export interface FindingCounts {
  total: number;
  /** One row per rule and severity that occurs, in the findings' own order (HIGH first). */
  byRule: FindingCount[];
}

const RULES: RedelegationRule[] = ['FORBIDDEN', 'UNAPPROVED', 'UNDISCLOSED'];
const SEVERITIES: Severity[] = ['HIGH', 'MEDIUM', 'LOW'];

/** The whole register's open findings on a date, counted: the list itself can run to 100k. */
export async function findingCounts(store: StorePort, asOf?: IsoDate): Promise<FindingCounts> {
  const findings = await redelegationFindings(store, asOf ? { asOf } : {});
  const cells = new Map<string, FindingCount>();
  for (const f of findings) {
    const key = `${f.severity}|${f.rule}`;
    let cell = cells.get(key);
    if (!cell)
      cells.set(key, (cell = { rule: f.rule, severity: f.severity, count: 0, inferred: 0 }));
    cell.count++;
    if (f.inferred) cell.inferred++;
  }
  const byRule = SEVERITIES.flatMap((s) =>
    RULES.flatMap((r) => {
      const cell = cells.get(`${s}|${r}`);
      return cell ? [cell] : [];
    }),
  );
  return { total: findings.length, byRule };
}
