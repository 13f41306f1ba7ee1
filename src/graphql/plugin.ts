import fp from 'fastify-plugin';
import mercurius from 'mercurius';
import type { FastifyInstance } from 'fastify';
import { loaders } from './loaders.js';
import { analysisResolvers } from './resolvers/analysis.js';
import { queryResolvers } from './resolvers/query.js';
import { registerResolvers } from './resolvers/register.js';
import { riskResolvers } from './resolvers/risk.js';
import { DateScalar } from './scalars.js';
import { loadSchema } from './schema.js';
import { formatErrors } from './errors.js';
import { checkRequest, labelResponse, responseMediaType } from './http.js';
import './context.js';

// Deep enough for controllers → paths → hops → client → name; a bound against abusive queries.
export const QUERY_DEPTH = 10;

function merge(...parts: Record<string, Record<string, unknown>>[]) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts) for (const [type, fields] of Object.entries(part)) out[type] = { ...out[type], ...fields };
  return out;
}

export default fp(
  async function graphqlPlugin(app: FastifyInstance) {
    await app.register(mercurius, {
      schema: loadSchema(),
      resolvers: { Date: DateScalar, ...merge(queryResolvers as never, analysisResolvers as never, registerResolvers as never, riskResolvers as never) } as never,
      loaders,
      context: () => ({ store: app.store }),
      queryDepth: QUERY_DEPTH,
      graphiql: false,
      additionalRouteOptions: { preValidation: checkRequest, onSend: labelResponse },
      errorFormatter: (execution, ctx) =>
        formatErrors(execution, ctx.reply?.log ?? app.log, responseMediaType(ctx.reply?.request.headers.accept)),
    });
  },
  { name: 'vendor-chain-graphql', dependencies: ['vendor-chain-store'] },
);
