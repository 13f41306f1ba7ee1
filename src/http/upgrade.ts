import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';

/**
 * Whether the request is a WebSocket upgrade (a subscription). Node's parser sets `upgrade` on a
 * request that asks to switch protocols, which only the WebSocket handler serves; a plain GET
 * with an Upgrade header and no `Connection: upgrade` is not one.
 */
export const isUpgrade = (request: FastifyRequest): boolean =>
  (request.raw as IncomingMessage & { upgrade?: boolean }).upgrade === true;
