import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks for the field at `path` below the field being resolved (through inline
 * fragments and fragment spreads, whatever their conditions): a resolver can leave out work
 * nobody reads. When in doubt (a fragment it cannot find), it answers true.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const within = (set: SelectionSetNode | undefined, rest: readonly string[]): boolean => {
    if (rest.length === 0) return true;
    if (set === undefined) return false;
    return set.selections.some((s) => {
      if (s.kind === Kind.FIELD)
        return s.name.value === rest[0] && within(s.selectionSet, rest.slice(1));
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet, rest);
      const fragment = info.fragments[s.name.value];
      return fragment === undefined || within(fragment.selectionSet, rest);
    });
  };
  return info.fieldNodes.some((node) => within(node.selectionSet, path));
}
