import type { Resolvers } from '../resolver-types.js';
import { parseScope } from '../../register/sync.js';

// A large register is imported in a worker thread (src/http/register-bodies.ts): when the request
// body was parsed there, `document` is the token of the text that worker holds.
export const registerResolvers: Resolvers = {
  Mutation: {
    importRegister: async (
      _,
      { document, dryRun, sync, force },
      { store, principal, lifecycle, app, reply },
    ) => {
      const scope =
        sync == null
          ? {}
          : { sync: parseScope(sync), force, retireLimitPercent: lifecycle.retireLimitPercent };
      const options = {
        dryRun,
        actor: principal?.name ?? 'anonymous',
        action: 'importRegister',
        now: lifecycle.now(),
        ...scope,
      };
      const report = await app.importThreads.import(
        store,
        [{ text: document }],
        options,
        reply.request.heldBody,
      );
      return { ...report, dryRun, sync: report.sync ?? null, revision: report.revision ?? null };
    },
  },
};
