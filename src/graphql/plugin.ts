import fp from 'fastify-plugin';
import mercurius, { type IResolvers } from 'mercurius';
import type { Resolvers } from './resolver-types.js';
import type { FastifyInstance } from 'fastify';
import {
  GraphQLError,
  getVariableValues,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ERROR_CODES } from '../errors.js';
import { batchedResolvers } from './batched.js';
import { loaders } from './loaders.js';
import { overviewLoaders } from './overview-loaders.js';
import { overviewResolvers } from './resolvers/overview.js';
import { analysisResolvers } from './resolvers/analysis.js';
import { queryResolvers } from './resolvers/query.js';
import { registerResolvers } from './resolvers/register.js';
import { riskResolvers } from './resolvers/risk.js';
import { notificationResolvers } from './resolvers/notification.js';
import { filingsResolvers } from './resolvers/filings.js';
import { DateScalar } from './scalars.js';
import { loadSchema } from './schema.js';
import { formatErrors } from './errors.js';
import { checkCost, limitRules, type QueryLimits } from './limits.js';
import { auditResolvers } from './resolvers/audit.js';
import { lifecycleResolvers } from './resolvers/lifecycle.js';
import type { LifecycleConfig } from '../config.js';
import { requireRole } from './roles.js';
import { checkRequest, labelResponse, refuseMethod, responseMediaType } from './http.js';
import './context.js';
import { untag } from '../dashboards/http-cache.js';
import { generationFor } from '../http/request-generation.js';
import type { DashboardConfig } from '../dashboards/config.js';
import { persistedQueries } from '../dashboards/persisted-queries.js';
import {
  subscriptionOptions,
  subscriptionResolvers,
  type Refusal,
  type Subscriptions,
} from '../dashboards/subscriptions.js';
import type { WholeGraph } from '../worker/whole-graph.js';

function isJson(source: string): boolean {
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * One resolver map from the per-noun ones. Each is typed where it is written (resolver-types.ts,
 * generated from the schema, or Mercurius's IResolvers); here they are only fields by type name.
 */
function merge(...parts: (Resolvers | IResolvers)[]): IResolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts)
    for (const [type, fields] of Object.entries(part)) out[type] = { ...out[type], ...fields };
  return out as IResolvers;
}

export default fp(
  async function graphqlPlugin(
    app: FastifyInstance,
    {
      limits,
      lifecycle,
      wholeGraph,
      dashboards,
    }: {
      limits: QueryLimits;
      lifecycle: LifecycleConfig;
      wholeGraph: WholeGraph;
      dashboards: {
        config: DashboardConfig;
        subscriptions: Subscriptions;
      };
    },
  ) {
    await app.register(mercurius, {
      schema: loadSchema(),
      resolvers: {
        Date: DateScalar,
        ...merge(
          queryResolvers,
          analysisResolvers,
          registerResolvers,
          riskResolvers,
          notificationResolvers,
          filingsResolvers,
          auditResolvers,
          lifecycleResolvers,
          overviewResolvers,
          subscriptionResolvers(dashboards.subscriptions),
          batchedResolvers({ ...loaders, ...overviewLoaders }),
        ),
      },
      context: (request) => {
        // A key scoped to controllers reads and writes through a view of only their chains.
        const store = request.view ?? app.store;
        return {
          store,
          principal: request.principal,
          lifecycle,
          wholeGraph: store === app.store ? wholeGraph : wholeGraph.over(store),
          // A view's generation is its store's.
          generation: () => generationFor(request, app.store),
        };
      },
      // graphql's parser stops at this many tokens, before building a tree of a huge document.
      graphql: { parseOptions: { maxTokens: limits.maxTokens } },
      validationRules: limitRules(limits),
      graphiql: false,
      // A query asked a second time is compiled (graphql-jit) and runs compiled from then on:
      // a hub's answer completes 26k controllers' fields without graphql-js's per-field work.
      // Its variables are checked by graphql-js before it runs (the preExecution hook below).
      jit: 1,
      persistedQueryProvider: persistedQueries(dashboards.config.persistedQueries),
      subscription: subscriptionOptions(
        async (authorization, address) => {
          const { principal, view } = await app.identifyConnection(authorization, address);
          return {
            principal,
            store: view,
            wholeGraph: view === app.store ? wholeGraph : wholeGraph.over(view),
          };
        },
        () => ({ store: app.store, lifecycle, wholeGraph }),
        app.log,
      ),
      additionalRouteOptions: { preValidation: checkRequest, onSend: labelResponse },
      errorFormatter: (execution, ctx) => {
        untag(ctx.reply?.request);
        return formatErrors(
          execution,
          ctx.reply?.log ?? app.log,
          responseMediaType(ctx.reply?.request.headers.accept),
        );
      },
    });
    // A connection whose key or token was refused says why on each subscription it asks for.
    app.graphql.addHook('preSubscriptionExecution', async (_schema, _document, context) => {
      const { refusal } = context as { refusal?: Refusal };
      if (refusal) throw new GraphQLError(refusal.message, { extensions: { code: refusal.code } });
    });
    app.route({ method: ['PUT', 'PATCH', 'DELETE'], url: '/graphql', handler: refuseMethod });
    // Mercurius takes a query that is not GraphQL but parses as JSON for a ready-made syntax tree,
    // which would skip the token limit and reach validation malformed: only GraphQL text is taken.
    app.graphql.addHook('preParsing', async (_schema, source) => {
      if (isJson(source))
        throw new GraphQLError('the query must be GraphQL text, like { stats { parties } }', {
          extensions: { code: ERROR_CODES.BAD_USER_INPUT },
        });
    });
    // Roles before anything runs: every mutation needs an editor. Then the variables, and the
    // cost, which depends on them (a page size), so it is checked here rather than as a cached rule.
    app.graphql.addHook('preExecution', async (schema, document, context, variables) => {
      const operations = new Set<string>(
        document.definitions.flatMap((d) =>
          d.kind === 'OperationDefinition' ? [d.operation] : [],
        ),
      );
      // Over HTTP a subscription would run once and answer null: it is a WebSocket's to serve.
      // Only the operation the request selects counts: one it names that the document lacks is
      // GraphQL's own error ("Unknown operation named …"), as GraphiQL expects.
      const selected = selectedOperation(document, context);
      if (selected?.operation === 'subscription')
        throw new GraphQLError(
          'a subscription is served over WebSocket at /graphql (the graphql-ws protocol); GET and POST answer queries and mutations',
          { extensions: { code: ERROR_CODES.BAD_USER_INPUT } },
        );
      if (operations.has('mutation')) {
        requireRole(context.principal, 'editor', 'a mutation');
        // The generation read when the request began is older than what a mutation writes: what
        // its answer reads is looked up by a generation read afresh.
        delete context.generation;
      }
      checkVariables(schema, selected, variables);
      checkCost(schema, document, variables as Record<string, unknown> | undefined, limits);
    });
  },
  { name: 'vendor-chain-graphql', dependencies: ['vendor-chain-store', 'vendor-chain-access'] },
);

/**
 * Variables that do not fit their types, refused by graphql-js's own coercion on every ask. The
 * ask that compiles a query would otherwise check them with graphql-jit's, which says only
 * "Expected type Date." where the scalar says what a date must be.
 */
function checkVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
): void {
  if (!operation?.variableDefinitions?.length) return;
  const { errors } = getVariableValues(schema, operation.variableDefinitions, variables ?? {});
  // Bundled as Mercurius bundles validation errors: formatErrors unbundles them.
  if (errors) throw Object.assign(new Error('the variables do not fit their types'), { errors });
}

/** The operation a request runs: the one its operationName names, or the document's only one. */
function selectedOperation(
  document: DocumentNode,
  context: { reply?: { request?: { body?: unknown; query?: unknown } } },
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  const request = context.reply?.request;
  const named = [request?.body, request?.query]
    .map((source) => (source as { operationName?: unknown } | undefined)?.operationName)
    .find((name) => typeof name === 'string' && name !== '');
  if (named === undefined) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((o) => o.name?.value === named);
}
