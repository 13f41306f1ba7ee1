import { z } from 'zod';
import { id } from '../domain/model.js';

// What a record refers to, read leniently: a record with a bad date still has a client and a
// contractor worth checking, so one run reports every error in the document, not the first layer.

const ref = id.optional().catch(undefined);
const refs = z
  .array(z.unknown())
  .catch([])
  .transform((items) =>
    items.map((item) => (id.safeParse(item).success ? (item as string) : undefined)),
  );
const withSources = { id: ref, sources: refs.optional().catch(undefined) };

const strings = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.map((item) => (typeof item === 'string' ? item : undefined)));

const looseParty = z.object({
  ...withSources,
  kind: z.string().optional().catch(undefined),
  operator: ref,
  parent: ref,
  memberOf: z
    .array(z.object({ party: ref }).catch({ party: undefined }))
    .catch([])
    .optional(),
  certifications: z
    .array(z.object({ sources: refs.optional().catch(undefined) }).catch({ sources: undefined }))
    .catch([])
    .optional(),
});
const looseEntrustment = z.object({
  ...withSources,
  client: ref,
  contractor: ref,
  under: refs.optional(),
  approvedBy: refs.optional(),
  data: strings.optional(),
});
const looseIncident = z.object({ ...withSources, party: ref, data: strings.optional() });
const section = <T extends z.ZodType>(schema: T) =>
  z.array(schema.catch({} as z.output<T>)).catch([]);

export const looseRegisterSchema = z.object({
  sources: section(z.object({ id: ref })),
  parties: section(looseParty),
  entrustments: section(looseEntrustment),
  incidents: section(looseIncident),
});

export type LooseRegister = z.output<typeof looseRegisterSchema>;

export function readLoosely(value: unknown): LooseRegister {
  const parsed = looseRegisterSchema.safeParse(value);
  return parsed.success
    ? parsed.data
    : { sources: [], parties: [], entrustments: [], incidents: [] };
}
