import type { FastifyRequest } from 'fastify';
import type { StorePort } from '../store/port.js';

// The store's write generation as one request sees it: read once, when the request is first
// checked (its key, then its ETag), so a request costs Neo4j one round trip before its query.

const seen = new WeakMap<FastifyRequest, Promise<number>>();

export function generationFor(request: FastifyRequest, store: StorePort): Promise<number> {
  let generation = seen.get(request);
  if (generation === undefined) seen.set(request, (generation = store.generation()));
  return generation;
}
