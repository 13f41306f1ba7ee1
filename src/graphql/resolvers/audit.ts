import type { Resolvers } from '../resolver-types.js';
import { checkAuditCursor } from '../../register/audit-cursor.js';
import { requireRole } from '../roles.js';
import { checkPageSize } from '../../domain/page-size.js';

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: async (_, { first, after }, { store, principal }) => {
      requireRole(principal, 'admin', 'the audit log');
      checkPageSize(first);
      if (after != null) await checkAuditCursor(store, after, 'audit entry');
      return store.auditLog(first, after ?? null);
    },
  },
};
