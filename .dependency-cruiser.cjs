/**
 * The architecture as import rules (npm run lint runs them; npm run deps:graph draws the graph).
 * Layers, bottom up: policy (pure) → domain (the request entity) → ports → app (use cases) → adapters, bot, server,
 * index (the composition root). botbuilder and restify stay in bot, server.ts and index.ts so that moving to the
 * Microsoft 365 Agents SDK touches only them.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one; split out what both need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'policy-is-pure',
      severity: 'error',
      comment: 'src/policy decides from data alone: only its own files, and node:url for UTS #46 domain folding.',
      from: { path: '^src/policy/' },
      to: { pathNot: ['^src/policy/', '^url$', '^node:url$'] },
    },
    {
      name: 'domain-below-ports',
      severity: 'error',
      comment: 'The request entity knows the policy types and itself only.',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^src/policy/'] },
    },
    {
      name: 'ports-are-contracts',
      severity: 'error',
      comment: 'Ports are interfaces over the policy model and the domain entity; nothing concrete.',
      from: { path: '^src/ports/' },
      to: { pathNot: ['^src/ports/', '^src/policy/', '^src/domain/'] },
    },
    {
      name: 'app-knows-no-adapters',
      severity: 'error',
      comment: 'Use cases talk to ports; the composition root chooses the adapters.',
      from: { path: '^src/app/' },
      to: { path: ['^src/adapters/', '^src/bot/', '^src/server\\.ts$', '^src/index\\.ts$'] },
    },
    {
      name: 'bot-framework-stays-at-the-edge',
      severity: 'error',
      comment: 'botbuilder (archived) and restify only in src/bot, src/server.ts and src/index.ts.',
      from: { path: '^src/', pathNot: ['^src/bot/', '^src/server\\.ts$', '^src/index\\.ts$'] },
      to: { path: 'node_modules/(botbuilder[^/]*|restify[^/]*|botframework-[^/]*)/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A source file nothing imports is dead code (the entry point and type declarations aside).',
      from: { orphan: true, path: '^src/', pathNot: ['^src/index\\.ts$', '\\.d\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { dot: { collapsePattern: 'node_modules/(@[^/]+/[^/]+|[^/]+)' } },
  },
};
