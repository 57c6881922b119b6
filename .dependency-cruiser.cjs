/**
 * Architecture rules, checked by `npm run lint:deps` (part of `npm test`). Every import points inward:
 * interfaces → infrastructure → application → domain, and the domain imports nothing outside itself.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside src/domain: no packages, no node: modules, no other layer.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'domain-has-no-builtins',
      comment: 'No node: (or bare builtin) modules in the domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'application-stays-inside',
      comment: 'Use cases and ports know the domain, never adapters or delivery mechanisms.',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { path: '^src/(infrastructure|interfaces)/' },
    },
    {
      name: 'application-framework-free',
      comment: 'Application code may use tsyringe for injection, nothing from the web, database or queue stacks.',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { path: 'node_modules/(hono|@hono|mongoose|mongodb|bullmq|ioredis|argon2|zod|pino|prom-client)/' },
    },
    {
      name: 'infrastructure-not-interfaces',
      comment: 'Adapters do not depend on HTTP handlers or queue workers.',
      severity: 'error',
      from: { path: '^src/infrastructure/' },
      to: { path: '^src/interfaces/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  required: [
    {
      name: 'schedule-preview-uses-billing-period',
      comment:
        'The schedule preview (GET /subscriptions/{id}/schedule) computes periods with billing-period.ts, the same pure module the biller uses, so the preview cannot drift from what gets billed.',
      severity: 'error',
      module: { path: '^src/application/subscriptions/get-subscription-schedule/get-subscription-schedule\\.use-case\\.ts$' },
      to: { path: '^src/domain/subscriptions/subscription/billing-period\\.ts$' },
    },
    {
      name: 'biller-uses-billing-period',
      comment: 'The billing job takes the period it bills from billing-period.ts (see schedule-preview-uses-billing-period).',
      severity: 'error',
      module: { path: '^src/application/billing/bill-subscription/bill-subscription\\.use-case\\.ts$' },
      to: { path: '^src/domain/subscriptions/subscription/billing-period\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      conditionNames: ['bun', 'types', 'import', 'module', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
