import type { FastifyInstance } from 'fastify';

export interface ServedAsset {
  body: Buffer;
  contentType: string;
}

/**
 * Serves `prefix*` by an exact lookup in an allow-list: no path is ever built from the URL, so
 * `../` cannot escape. Names carry a content hash or a pinned version, hence cached for a year.
 */
export function assetRoute(
  app: FastifyInstance,
  prefix: string,
  find: (name: string) => ServedAsset | undefined,
): void {
  app.get(`${prefix}*`, async (request, reply) => {
    const asset = find((request.params as { '*': string })['*']);
    if (!asset) return reply.callNotFound();
    return reply
      .type(asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(asset.body);
  });
}
