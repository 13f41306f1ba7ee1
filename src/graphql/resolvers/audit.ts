import type { IResolvers } from 'mercurius';
import { BadInputError } from '../../errors.js';
import { checkAuditCursor } from '../../register/audit-cursor.js';
import { requireRole } from '../roles.js';

export const auditResolvers: IResolvers = {
  Query: {
    auditLog: async (
      _,
      { first, after }: { first: number; after?: string | null },
      { store, principal },
    ) => {
      requireRole(principal, 'admin', 'the audit log');
      if (!Number.isInteger(first) || first < 1 || first > 500)
        throw new BadInputError('first', `must be between 1 and 500, got ${first}`);
      if (after != null) await checkAuditCursor(store, after, 'audit entry');
      return store.auditLog(first, after ?? null);
    },
  },
};
