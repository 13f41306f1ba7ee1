// The layers of docs/architecture.md, enforced: imports point down, never in a circle.
// `npm run layers` (part of `npm run lint`) fails on any rule below.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be understood or changed alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'The domain is the model and the analyses over the store port: it reads no files, starts ' +
        'no threads and knows no adapter, transport or command.',
      from: { path: '^src/domain/' },
      to: {
        path: [
          '^src/(store/(embedded|neo4j|open|target)|graphql|cli|http|explorer|graphiql|access/plugin|register/worker|server|app)',
          '^(node:)?(fs|fs/promises|worker_threads|child_process|net|http)$',
        ],
      },
    },
    {
      name: 'register-knows-no-adapter',
      severity: 'error',
      comment: 'Reading and planning a register is the same for every store.',
      from: { path: '^src/register/', pathNot: '^src/register/worker/' },
      to: { path: '^src/(store/(embedded|neo4j)|graphql|cli|http|explorer)/' },
    },
    {
      name: 'store-adapters-stay-below-the-edges',
      severity: 'error',
      comment: 'Adapters implement the port; they never call a use case, a resolver or a command.',
      from: { path: '^src/store/' },
      to: { path: '^src/(graphql|cli|http|explorer|graphiql|register/(import|sync|remove))' },
    },
    {
      name: 'edges-do-not-import-each-other',
      severity: 'error',
      comment: 'GraphQL, the CLI and the explorer each stand on the domain, not on one another.',
      from: { path: '^src/(graphql|cli)/' },
      to: { path: '^src/(graphql|cli)/', pathNot: '^src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
