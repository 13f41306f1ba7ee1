import type { AffectedController } from '../domain/blast-radius.js';
import type { Party } from '../domain/model.js';
import type { Finding } from '../domain/redelegation.js';

// What the resolvers answer where the domain holds a relation as an id: loaders.ts fetches the
// records, one batch per level. These are mappers of resolver-types.ts
// (scripts/resolver-types-module.ts), applied to the schema's own object type `T` there, so the
// fields a resolver gives are checked against the schema, field by field.

/** The id (or ids) that stand for a relation of type `V`; null and undefined as they were. */
type IdOf<V> = V extends null | undefined
  ? V
  : V extends readonly unknown[]
    ? readonly string[]
    : string;

/**
 * A schema object as a resolver may give it: any of its fields (the others are resolved below
 * it), with the relations `K` as ids.
 */
export type Loaded<T, K extends keyof T> = Partial<Omit<T, K>> & { [P in K]: IdOf<T[P]> };

/**
 * An affected controller with what its `paths` field resolver reads: the first paths, the
 * count, the way to more, and the cap the blast radius was asked with; and its party, read with
 * every other controller's when the query shows it.
 */
export type CappedController<T extends { party: unknown }> = Loaded<T, 'party'> &
  Pick<AffectedController, 'paths' | 'pathCount' | 'morePaths'> & {
    pathCap: number;
    partyRead?: Party;
  };

/** A finding with what its `id` is made of. */
export type FindingAnswer<T extends { missingApprovals: unknown }> = Loaded<T, 'missingApprovals'> &
  Pick<Finding, 'entrustment' | 'upstream' | 'rule'>;
