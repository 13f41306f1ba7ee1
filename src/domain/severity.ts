import { covers, overlaps } from './categories.js';

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW';

// From register-format.md: the data an entrustment carries decides how bad a broken clause is.
const SEVERITY_BY_CATEGORY: ReadonlyArray<readonly [Severity, readonly string[]]> = [
  [
    'HIGH',
    [
      'user.government_id',
      'user.financial',
      'user.payment',
      'user.authorization',
      'user.health',
      'user.biometrics',
    ],
  ],
  ['MEDIUM', ['user.contact', 'user.location']],
];

export function severityOf(data: readonly string[]): Severity {
  for (const [severity, categories] of SEVERITY_BY_CATEGORY)
    if (data.length > 0 && overlaps(data, categories)) return severity;
  return 'LOW';
}

/** The My Number rule applies to national-id data: anything under user.government_id. */
export const carriesGovernmentId = (data: readonly string[]): boolean =>
  data.some((k) => covers('user.government_id', k));
