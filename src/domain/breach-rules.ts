// Breach-report rules as data, one table per jurisdiction with its citation, so a lawyer can read
// and correct them without reading code.

export type Trigger = 'SPECIAL_CARE' | 'FINANCIAL_HARM' | 'UNLAWFUL_PURPOSE' | 'OVER_1000';

export interface Deadline {
  /** A stable name scripts can match on. */
  kind: string;
  /** Days after detection; null when the law says "promptly" with no number. */
  days: number | null;
  /** Applies only when this trigger holds (else always). */
  onlyWhen?: Trigger;
  /** Does not apply when this trigger holds. */
  unless?: Trigger;
  description: string;
}

export interface Jurisdiction {
  law: string;
  citation: string;
  /** Countries whose controllers it binds. */
  countries: readonly string[];
  /** A report is required when any of these holds; empty: whenever personal data is breached. */
  triggers: readonly Trigger[];
  deadlines: readonly Deadline[];
}

export const EU_EEA = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
] as const;

export const JURISDICTIONS: readonly Jurisdiction[] = [
  {
    law: 'APPI',
    citation:
      'APPI Art. 26(1); PPC Enforcement Rules Art. 7 (triggers) and Art. 8 (reports), in force since 2022-04-01',
    countries: ['JP'],
    triggers: ['SPECIAL_CARE', 'FINANCIAL_HARM', 'UNLAWFUL_PURPOSE', 'OVER_1000'],
    deadlines: [
      {
        kind: 'ENTRUSTEE_NOTICE',
        days: null,
        description: "the entrustee's prompt notice to its entruster (Art. 26(1) proviso)",
      },
      {
        kind: 'PRELIMINARY_REPORT',
        days: 5,
        description: 'preliminary report to the PPC, promptly: about 3–5 days (PPC guidelines)',
      },
      {
        kind: 'FINAL_REPORT',
        days: 30,
        unless: 'UNLAWFUL_PURPOSE',
        description: 'final report to the PPC within 30 days (Rules Art. 8(2))',
      },
      {
        kind: 'FINAL_REPORT',
        days: 60,
        onlyWhen: 'UNLAWFUL_PURPOSE',
        description:
          'final report to the PPC within 60 days for a suspected unlawful purpose (Rules Art. 8(2))',
      },
    ],
  },
  {
    law: 'GDPR',
    citation: 'GDPR Art. 33(1): notify the supervisory authority within 72 hours of becoming aware',
    countries: EU_EEA,
    triggers: [],
    deadlines: [
      {
        kind: 'AUTHORITY_NOTICE_72H',
        days: 3,
        description: 'notify the supervisory authority within 72 hours (Art. 33(1))',
      },
    ],
  },
];

/** Categories that make a leak reportable under APPI (Rules Art. 7 (i) and (ii)). */
export const TRIGGER_CATEGORIES: Partial<Record<Trigger, readonly string[]>> = {
  // 要配慮個人情報: race, creed, medical history, criminal record … (APPI Art. 2(3))
  SPECIAL_CARE: [
    'user.health',
    'user.criminal_history',
    'user.demographic.race_ethnicity',
    'user.demographic.religious_belief',
    'user.demographic.philosophical_belief',
    'user.demographic.political_opinion',
    'user.biometrics',
  ],
  // Data whose misuse may cause property damage: card and bank data, payment credentials.
  FINANCIAL_HARM: [
    'user.financial',
    'user.payment',
    'user.authorization.credentials',
    'user.authorization.password',
  ],
};

/** Incident kinds that suggest an unlawful purpose (Rules Art. 7 (iii)). */
export const UNLAWFUL_KINDS: readonly string[] = ['unauthorized-access', 'insider', 'ransomware'];

export const OVER_PEOPLE = 1_000;
