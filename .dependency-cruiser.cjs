// The layers of docs/architecture.md, enforced: imports point down, never in a circle.
// `npm run layers` (part of `npm run lint`) fails on any rule below.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'runs-without-dev-dependencies',
      severity: 'error',
      comment:
        'The image installs with --omit=dev: code the service or the CLI runs may import only ' +
        'dependencies (build.ts bundles the pages at build time, with esbuild).',
      from: { path: '^src/', pathNot: '^src/explorer/(build[.]ts$|client/)' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
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
        'no threads and knows no adapter, worker, use case, transport or command.',
      from: { path: '^src/domain/' },
      to: {
        path: [
          '^src/',
          '^(node:)?(fs|fs/promises|worker_threads|child_process|net|http|https|cluster)$',
        ],
        pathNot:
          '^src/(domain/|store/port[.]ts$|errors[.]ts$|register/audit[.]ts$|access/model[.]ts$)',
      },
    },
    {
      name: 'domain-takes-only-types-of-the-port',
      severity: 'error',
      comment:
        'The audit entries and API keys the port speaks of (a view of the store passes them on) ' +
        'are types to the domain, never code it runs.',
      from: { path: '^src/domain/' },
      to: {
        path: '^src/(register/audit|access/model)[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'register-knows-no-adapter',
      severity: 'error',
      comment: 'Reading and planning a register is the same for every store, on any thread.',
      from: { path: '^src/register/' },
      to: {
        path: '^src/(store/(?!port[.]ts$)|worker|graphql|cli|http|explorer|graphiql|app|server)',
      },
    },
    {
      name: 'store-adapters-stay-below-the-edges',
      severity: 'error',
      comment:
        'Adapters implement the port; they never call a use case, a worker, a resolver or a ' +
        'command. Of the register they know only the audit entries they keep.',
      from: { path: '^src/store/' },
      to: {
        path: '^src/(graphql|cli|http|explorer|graphiql|worker|app|server|register/)',
        pathNot: '^src/register/audit[.]ts$',
      },
    },
    {
      name: 'threads-only-in-the-worker',
      severity: 'error',
      comment:
        'One worker module (src/worker) starts threads and handles their deaths; the rest asks it.',
      from: { path: '^src/', pathNot: '^src/worker/' },
      to: { path: '^(node:)?worker_threads$', dependencyTypesNot: ['type-only'] },
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
