import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../domain/dates.js';
import { ERROR_CODES } from '../errors.js';

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new GraphQLError(`expected a calendar date like 2014-09-25, got ${JSON.stringify(value)}`, {
    extensions: { code: ERROR_CODES.BAD_USER_INPUT },
  });
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  // Must equal the description in schema/scalars.graphql: this object replaces the SDL's scalar.
  description: 'An ISO-8601 calendar date such as 2014-09-25. Periods are half-open: [from, to).',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) =>
    parseDate(ast.kind === Kind.STRING ? ast.value : (ast as { value?: unknown }).value),
});
