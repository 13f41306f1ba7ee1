import { parse, visit, type ASTNode, type GraphQLError } from 'graphql';

/**
 * The argument (or input object field) a literal that failed its scalar was written for, as the
 * query names it. graphql-js reports such a failure with the literal alone, so `from:` and `to:`
 * refused for the same reason would read alike; the document is parsed again, on the error path
 * only, to find the innermost argument or field whose value holds the literal.
 */
export function argumentOf(error: GraphQLError): string | undefined {
  const at = error.nodes?.[0]?.loc;
  if (!at || !error.source) return undefined;
  const holds = (node: ASTNode) =>
    node.loc !== undefined && node.loc.start <= at.start && at.end <= node.loc.end;
  let name: string | undefined;
  // The document parsed once already: it was validated when the literal was refused.
  visit(parse(error.source), {
    Argument: (argument) => void (holds(argument.value) && (name = argument.name.value)),
    ObjectField: (field) => void (holds(field.value) && (name = field.name.value)),
  });
  return name;
}
