import type { IResolvers } from 'mercurius';
import { BadInputError } from '../../errors.js';
import { requireRole } from '../roles.js';
import { checkPageSize } from '../../domain/page-size.js';

export const auditResolvers: IResolvers = {
  Query: {
    auditLog: async (
      _,
      { first, after }: { first: number; after?: string | null },
      { store, principal },
    ) => {
      requireRole(principal, 'admin', 'the audit log');
      checkPageSize(first);
      if (after != null && !/^[1-9][0-9]{0,15}$/.test(after))
        throw new BadInputError('after', `expected the id of an audit entry, got "${after}"`);
      return store.auditLog(first, after ?? null);
    },
  },
};
