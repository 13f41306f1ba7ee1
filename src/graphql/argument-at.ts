import { BREAK, type GraphQLError, parse, visit } from 'graphql';

/**
 * The argument (or input field) whose literal value a validation error points at, so a refusal of
 * `asOf: "2014-02-31"` can say `asOf:` as a refusal of `$asOf` says `Variable "$asOf"`. A scalar's
 * parseLiteral sees only the value, never the argument around it: the name comes from the
 * document again, at the value's position. Validation ran on this text, so it parses.
 */
export function argumentAt(error: GraphQLError): string | undefined {
  const at = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (at === undefined || body === undefined) return undefined;
  let name: string | undefined;
  const named = (node: { name: { value: string }; value: { loc?: { start: number } } }) => {
    if (node.value.loc?.start !== at) return undefined;
    name = node.name.value;
    return BREAK;
  };
  visit(parse(body), { Argument: named, ObjectField: named });
  return name;
}
