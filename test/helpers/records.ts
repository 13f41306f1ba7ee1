import type { Entrustment, Party } from '../../src/domain/model.js';

// Whole register records for tests that write batches straight to a store: every field the model
// requires, at its plainest (a confirmed company; an allowed, disclosed entrustment of contact
// data), and what a test is about given as `more`.

export function partyRecord(id: string, more: Partial<Party> = {}): Party {
  return {
    id,
    name: id,
    aka: [],
    kind: 'company',
    memberOf: [],
    certifications: [],
    confidence: 'confirmed',
    sources: [],
    ...more,
  };
}

export function entrustmentRecord(
  id: string,
  client: string,
  contractor: string,
  more: Partial<Entrustment> = {},
): Entrustment {
  return {
    id,
    client,
    contractor,
    purposes: [],
    data: ['user.contact'],
    subjects: [],
    reentrustment: 'allowed',
    disclosed: true,
    approvedBy: [],
    storage: [],
    access: [],
    confidence: 'confirmed',
    sources: [],
    ...more,
  };
}

/**
 * A link's fields that have a value: every store makes each link with all its fields, those it
 * lacks undefined (walk-link.ts walkLink), and checks of links are of what the register says.
 */
export const defined = (link: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(link).filter(([, value]) => value !== undefined));
