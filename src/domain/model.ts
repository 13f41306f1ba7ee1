import { z } from 'zod';
import { DATE_EXPECTED, isIsoDate } from './dates.js';

// The register's vocabulary. These schemas validate input (register documents, GraphQL
// arguments) and their inferred types are the domain types every store returns.

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** Longer ids could not be keys in every store (LMDB keys stop near 2,000 bytes, with the index's). */
export const ID_MAX = 200;
export const id = z
  .string()
  .regex(ID_PATTERN, {
    message:
      'expected an id of lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  })
  .max(ID_MAX, { message: `must be at most ${ID_MAX} characters` });
export const isoDate = z
  .string({ message: DATE_EXPECTED })
  .refine(isIsoDate, { message: DATE_EXPECTED });
const country = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code like JP' });
const idList = z.array(id);
// Control characters, terminal escapes and bidi overrides would rewrite what a person sees in a
// table, a diagram or a terminal (a name that hides another); tabs and newlines are fine.
const UNSAFE_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const text = z
  .string()
  .min(1, { message: 'must not be empty' })
  .superRefine((v, ctx) => {
    const m = UNSAFE_CHAR.exec(v);
    if (m)
      ctx.addIssue({
        code: 'custom',
        message: `must not contain control characters, escape sequences or bidi overrides (U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${m.index + 1})`,
      });
  });
/** GraphQL's Int is 32-bit: a larger count would be stored and then fail every read. */
export const COUNT_MAX = 2_147_483_647;
const count = z
  .number()
  .int({ message: 'expected a whole number' })
  .nonnegative({ message: 'must not be negative' })
  .max(COUNT_MAX, { message: `must be at most ${COUNT_MAX}` });

export const SOURCE_KINDS = ['official', 'press', 'blog', 'contract', 'court', 'other'] as const;
export const PARTY_KINDS = [
  'municipality',
  'company',
  'committee',
  'consortium',
  'agency',
  'regulator',
  'service',
  'person',
] as const;
export const CLAUSES = ['forbidden', 'approval-required', 'allowed', 'unknown'] as const;
export const CONFIDENCES = ['confirmed', 'reported', 'alleged', 'inferred'] as const;
export const INCIDENT_KINDS = [
  'unauthorized-access',
  'insider',
  'misdelivery',
  'misconfiguration',
  'ransomware',
  'purpose-deviation',
  'other',
] as const;
export const CERT_SCHEMES = ['privacy-mark', 'isms', 'other'] as const;
export const CERT_STATUSES = ['active', 'suspended', 'revoked'] as const;
export const TRANSFER_BASES = ['consent', 'adequacy', 'equivalent-measures'] as const;

export type Confidence = (typeof CONFIDENCES)[number];
export type Clause = (typeof CLAUSES)[number];

/** Periods must end after they start; applied to every object with from/to. */
function periodOrdered<T extends { from?: string | undefined; to?: string | undefined }>(
  schema: z.ZodType<T>,
) {
  return schema.superRefine((v, ctx) => {
    if (v.from && v.to && isIsoDate(v.from) && isIsoDate(v.to) && v.to <= v.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be after from (${v.from})` });
    }
  });
}

export const sourceSchema = z.strictObject({
  id,
  url: z.url({ message: 'expected an absolute URL' }).optional(),
  title: text.optional(),
  published: isoDate.optional(),
  kind: z.enum(SOURCE_KINDS).default('other'),
  note: text.optional(),
});

export const certificationSchema = periodOrdered(
  z.strictObject({
    scheme: z.enum(CERT_SCHEMES),
    status: z.enum(CERT_STATUSES),
    from: isoDate.optional(),
    to: isoDate.optional(),
    note: text.optional(),
    sources: idList.default([]),
  }),
);

// Who to tell when the party is affected (notification packets). A URL must be http(s): the
// packet renders it as a link a person clicks. A phone is checked for shape only (digits with the
// usual separators, an optional leading +), since numbers are written in many national formats.
const PHONE = /^\+?[0-9][0-9 ()-]*[0-9]$/;
export const contactSchema = z
  .strictObject({
    email: z.email({ message: 'expected an e-mail address like privacy@example.jp' }).optional(),
    phone: z
      .string({ message: 'expected a phone number like +81-3-1234-5678' })
      .max(40, { message: 'must be at most 40 characters' })
      .refine((v) => PHONE.test(v) && v.replace(/\D/g, '').length >= 5, {
        message:
          'expected a phone number like +81-3-1234-5678 (digits, spaces, "-", "(", ")", an optional leading +)',
      })
      .optional(),
    url: z
      .url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        message: 'expected an http or https URL like https://example.jp/privacy',
      })
      .optional(),
  })
  .refine((c) => c.email !== undefined || c.phone !== undefined || c.url !== undefined, {
    message: 'give at least one of email, phone or url',
  });

export const partySchema = z.strictObject({
  id,
  name: text,
  aka: z.array(text).default([]),
  kind: z.enum(PARTY_KINDS),
  country: country.optional(),
  operator: id.optional(),
  parent: id.optional(),
  memberOf: z.array(z.strictObject({ party: id, role: text.optional() })).default([]),
  certifications: z.array(certificationSchema).default([]),
  contact: contactSchema.optional(),
  confidence: z.enum(CONFIDENCES).default('confirmed'),
  note: text.optional(),
  sources: idList.default([]),
});

/** Nobody entrusts data to itself, and an entrustment cannot perform itself. */
function notSelf<
  T extends { id: string; client: string; contractor: string; under?: string[] | undefined },
>(schema: z.ZodType<T>) {
  return schema.superRefine((e, ctx) => {
    if (e.client === e.contractor)
      ctx.addIssue({
        code: 'custom',
        path: ['contractor'],
        message: `is the client itself (${e.client}): a party cannot entrust data to itself`,
      });
    const j = e.under?.indexOf(e.id) ?? -1;
    if (j >= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['under', j],
        message: `names this entrustment itself (${e.id})`,
      });
  });
}

export const entrustmentSchema = notSelf(
  periodOrdered(
    z.strictObject({
      id,
      client: id,
      contractor: id,
      // Absent means "unknown": links through it are inferred. [] means the client's own data.
      under: idList.optional(),
      purposes: z.array(text).default([]),
      data: z.array(text).default([]),
      subjects: z.array(text).default([]),
      records: count.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      reentrustment: z.enum(CLAUSES).default('unknown'),
      disclosed: z.boolean().default(true),
      approvedBy: idList.default([]),
      storage: z.array(country).default([]),
      access: z.array(country).default([]),
      transferBasis: z.enum(TRANSFER_BASES).optional(),
      confidence: z.enum(CONFIDENCES).default('confirmed'),
      note: text.optional(),
      sources: idList.default([]),
    }),
  ),
);

export const incidentSchema = periodOrdered(
  z.strictObject({
    id,
    party: id,
    kind: z.enum(INCIDENT_KINDS),
    from: isoDate.optional(),
    to: isoDate.optional(),
    detected: isoDate.optional(),
    announced: isoDate.optional(),
    data: z.array(text).default([]),
    subjects: z.array(text).default([]),
    records: count.optional(),
    revisions: z
      .array(z.strictObject({ date: isoDate, records: count.optional(), note: text.optional() }))
      .default([]),
    confidence: z.enum(CONFIDENCES).default('confirmed'),
    note: text.optional(),
    sources: idList.default([]),
  }),
);

export const registerSchema = z.strictObject({
  register: z.literal(1, { message: 'expected register: 1 (the only format version)' }),
  sources: z.array(sourceSchema).default([]),
  parties: z.array(partySchema).default([]),
  entrustments: z.array(entrustmentSchema).default([]),
  incidents: z.array(incidentSchema).default([]),
});

export type Source = z.infer<typeof sourceSchema>;
export type Party = z.infer<typeof partySchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Certification = z.infer<typeof certificationSchema>;
/**
 * An entrustment as stored. `retired` is never in a register document: an authoritative import
 * (`sync`) sets it on the entrustments its scope held and the document no longer lists, so they
 * stay for history (their `to` closes them) and are told apart from ones that simply ended.
 */
export type Entrustment = z.infer<typeof entrustmentSchema> & { retired?: true };
export type Incident = z.infer<typeof incidentSchema>;
export type Register = z.infer<typeof registerSchema>;

/** Everything one import writes, already validated and resolved. */
export interface RegisterBatch {
  sources: Source[];
  parties: Party[];
  entrustments: Entrustment[];
  incidents: Incident[];
}
