import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DATE_EXPECTED, isIsoDate } from '../domain/dates.js';
import { ERROR_CODES } from '../errors.js';

/** RFC 3339's full-date: what client generators map to a date type rather than `unknown`. */
export const DATE_SPECIFIED_BY = 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6';

function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  // The literal's node gives the error its place in the document, and the argument's name.
  throw new GraphQLError(`${DATE_EXPECTED}, got ${JSON.stringify(value)}`, {
    ...(node ? { nodes: node } : {}),
    extensions: { code: ERROR_CODES.BAD_USER_INPUT },
  });
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  // Must equal the description in schema/scalars.graphql: this object replaces the SDL's scalar.
  description: 'An ISO-8601 calendar date such as 2014-09-25. Periods are half-open: [from, to).',
  // Must equal @specifiedBy in schema/scalars.graphql, for the same reason.
  specifiedByURL: DATE_SPECIFIED_BY,
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) =>
    parseDate(ast.kind === Kind.STRING ? ast.value : (ast as { value?: unknown }).value, ast),
});
