import type { IResolvers } from 'mercurius';
import { importRegister } from '../../register/import.js';
import { parseScope } from '../../register/sync.js';

type ImportArgs = { document: string; dryRun: boolean; sync?: string | null; force: boolean };

export const registerResolvers: IResolvers = {
  Mutation: {
    importRegister: async (_, { document, dryRun, sync, force }: ImportArgs, { store, principal, lifecycle }) => {
      const scope = sync == null ? {} : { sync: parseScope(sync), force, retireLimitPercent: lifecycle.retireLimitPercent };
      const report = await importRegister(store, document, { dryRun, actor: principal?.name ?? 'anonymous', action: 'importRegister', now: lifecycle.now(), ...scope });
      return { ...report, dryRun, sync: report.sync ?? null, revision: report.revision ?? null };
    },
  },
};
