import type { IResolvers } from 'mercurius';

// A large register is imported in a worker thread (src/http/register-bodies.ts): when the request
// body was parsed there, `document` is the token of the text that worker holds.
export const registerResolvers: IResolvers = {
  Mutation: {
    importRegister: async (_, { document, dryRun }: { document: string; dryRun: boolean }, { store, principal, app, reply }) => ({
      ...(await app.importThreads.import(store, [{ text: document }], { dryRun, actor: principal?.name ?? 'anonymous', action: 'importRegister' }, reply.request.heldBody)),
      dryRun,
    }),
  },
};
