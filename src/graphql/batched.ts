import DataLoader from 'dataloader';
import type { IResolvers, MercuriusLoaders } from 'mercurius';

type Query = { obj: unknown; params: unknown };
type Batch = (queries: Query[], ctx: object) => Promise<unknown[]>;

/**
 * Loaders (loaders.ts: one batched store call per field per level of a request) as field
 * resolvers over DataLoader. Mercurius's own loaders key each query by the JSON of its parent
 * object: a blast radius's controller holds its paths of whole entrustments, and writing them out
 * once per controller took most of a large answer's time. Here a query is only batched, never
 * keyed: the loaders read ids, and dedupe them within the batch.
 */
export function batchedResolvers(loaders: MercuriusLoaders): IResolvers {
  // One DataLoader per request (its context) and field, gone with the request.
  const perRequest = new WeakMap<object, Map<string, DataLoader<Query, unknown>>>();
  const loaderOf = (ctx: object, field: string, batch: Batch) => {
    let fields = perRequest.get(ctx);
    if (fields === undefined) perRequest.set(ctx, (fields = new Map()));
    let loader = fields.get(field);
    if (loader === undefined)
      fields.set(field, (loader = new DataLoader((qs) => batch([...qs], ctx), { cache: false })));
    return loader;
  };
  const out: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(loaders)) {
    out[type] = {};
    for (const [name, batch] of Object.entries(fields as Record<string, Batch>)) {
      const field = `${type}.${name}`;
      out[type][name] = (obj: unknown, params: unknown, ctx: object) =>
        loaderOf(ctx, field, batch).load({ obj, params });
    }
  }
  return out as IResolvers;
}
