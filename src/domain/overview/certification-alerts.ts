import { inForce, type IsoDate } from '../dates.js';
import type { Party } from '../model.js';

/** A party whose certification is suspended or revoked on a date, anywhere in the register. */
export interface RegisterCertificationAlert {
  party: string;
  scheme: string;
  status: 'suspended' | 'revoked';
  since?: IsoDate;
  until?: IsoDate;
}

/** The suspended or revoked marks of these parties in force on asOf, in the parties' order. */
export function certificationAlertsOf(
  parties: readonly Party[],
  asOf: IsoDate,
): RegisterCertificationAlert[] {
  return parties.flatMap((p) =>
    p.certifications
      .filter((c) => c.status !== 'active' && inForce(c, asOf))
      .map((c) => ({
        party: p.id,
        scheme: c.scheme,
        status: c.status as 'suspended' | 'revoked',
        ...(c.from ? { since: c.from } : {}),
        ...(c.to ? { until: c.to } : {}),
      })),
  );
}
