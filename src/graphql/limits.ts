import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ERROR_CODES } from '../errors.js';

// Bounds on one GraphQL document, so no single request can exhaust the service. Each refusal
// names the limit and its value. Introspection is exempt from depth: GraphiQL's docs panel sends
// the standard introspection query, which is deeper than any query of the API's own types.

export interface QueryLimits {
  /** Tokens in the document (graphql's own parser stops counting there). */
  maxTokens: number;
  maxAliases: number;
  maxDepth: number;
  maxDirectives: number;
  /** Cost of the document, fields weighted by what they make the store and the domain do. */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxTokens: 5_000,
  maxAliases: 15,
  maxDepth: 10,
  maxDirectives: 20,
  maxCost: 1_000,
};

/** A field that reads every party: a tenth of the default limit, so ten of them fill a request. */
const SCAN = 100;

/** What a field costs beyond its children; fields not named cost 1. */
const FIELD_COSTS: Record<string, (args: Record<string, unknown>) => number> = {
  'Query.blastRadius': () => 100,
  // Without a controller the findings cover the whole register.
  'Query.redelegationFindings': (args) => (args.controller ? 20 : 300),
  // A kind filter and a text search read every party (no index behind them): priced as scans.
  'Query.parties': (args) => Math.max(1, Number(args.first ?? 50)) + (args.kind ? SCAN : 0),
  'Query.searchParties': () => SCAN,
  'Query.supplyChain': () => 20,
  'Query.crossBorder': () => 20,
  'Query.concentration': () => 300,
  'Query.groupExposure': () => 50,
  'Query.certificationAlerts': () => 20,
  'Query.breachObligations': () => 100,
  'Query.notificationPackets': () => 100,
};

const weighted: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const cost = FIELD_COSTS[`${type.name}.${field.name}`];
  return cost === undefined ? undefined : cost(args) + childComplexity;
};

const refusal = (message: string, limit: string, value: number) =>
  new GraphQLError(message, { extensions: { code: ERROR_CODES.BAD_USER_INPUT, limit, value } });

export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [
    // exposeLimits: the refusal says "Aliases limit of 15 exceeded, found 16."
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }),
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      exposeLimits: true,
    }),
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true }),
  ] as unknown as ValidationRule[];
}

/** Throws when the document, with these variables, costs more than the limit. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): void {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      estimators: [weighted, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // Variables that do not fit their types are refused before this, with graphql-js's own
    // message (checkVariables in plugin.ts).
    if (error instanceof GraphQLError) return;
    throw error;
  }
  if (cost > limits.maxCost)
    throw refusal(
      `the query costs ${cost}: the limit (maxCost) is ${limits.maxCost}; ask for fewer analyses per request`,
      'maxCost',
      limits.maxCost,
    );
}
