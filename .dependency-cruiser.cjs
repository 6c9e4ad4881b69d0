// Import boundaries, checked over the whole module graph by dependency-cruiser (`npm run lint:deps`, CI, and
// test/unit/import-boundaries.test.ts). ESLint only sees one file's direct imports; these rules see what a module
// reaches, so "the hook stays bare" or "the tracker deploys alone" cannot be broken through an intermediate file.
// Paths are repo-relative; rules name folders, not files, so they hold while src/capture is being reorganised.

/** Everything of ours that is not src/core. */
const OURS_OUTSIDE_CORE = '^(src/(?!core/)|tracker/|mcp-server/|hooks/|scripts/|bench/|test/)';

/**
 * Cycles that predate this check, each allowed until it is untangled. A cycle is reported when any of its modules
 * is outside this list, so a new cycle fails even when it passes through one of these files.
 */
const KNOWN_CYCLES = [
  // `/export-session` reuses program.ts's describeError, and program.ts loads the command registry.
  '^src/cli/program[.]ts$',
  '^src/cli/commands/index[.]ts$',
  '^src/cli/commands/export-session[.]ts$',
  // Type-only: the spill file borrows the writer's entry types (outbox-spill.ts before the src/capture move).
  '^src/capture/outbox[-/](spill|writer)[.]ts$',
];

/**
 * Two passes over the code (`npm run lint:deps` runs both; BATON_DEPS_PASS picks one):
 * - source (default): every import counts, `import type` too, because layering holds for types as well;
 * - runtime: type-only imports are dropped, as tsc and esbuild drop them, for the promise about what a hook process
 *   loads. A hook may import a type from a module that defines zod schemas; it may not load that module.
 * dependency-cruiser's `reachable` follows every edge regardless of its type, hence the separate pass.
 */
const PASS = process.env.BATON_DEPS_PASS === 'runtime' ? 'runtime' : 'source';

/** @type {(import('dependency-cruiser').IForbiddenRuleType & { pass?: 'runtime' })[]} */
const RULES = [
  {
    name: 'core-is-pure',
    comment: 'src/core is the pure domain: it imports nothing of ours outside src/core.',
    severity: 'error',
    from: { path: '^src/core/' },
    to: { path: OURS_OUTSIDE_CORE },
  },
  {
    name: 'tracker-deploys-alone',
    comment:
      'The tracker is deployed on its own: it reaches only tracker/** and src/core/** (src/core reaches only itself).',
    severity: 'error',
    from: { path: '^tracker/' },
    to: { path: '^(src|mcp-server|hooks|scripts|bench|test)/', pathNot: '^src/core/' },
  },
  {
    name: 'migrations-stand-alone',
    comment:
      'The schema history is plain SQL: a migration imports no feature module, so moving one cannot change it.',
    severity: 'error',
    from: { path: '^tracker/db/migrations/' },
    to: { path: '^(src|tracker|mcp-server|hooks)/', pathNot: '^tracker/db/migrations/' },
  },
  {
    pass: 'runtime',
    name: 'hook-hot-path-bare',
    comment:
      'A hook runs before every prompt and tool call: its entry must not reach, even through other files, full ' +
      'zod, the MCP SDK, undici, the tracker client, the CLI, the MCP server or the tracker (see ' +
      'scripts/bundle-budget.mjs for the same promise judged on the built bundle).',
    severity: 'error',
    from: { path: '^hooks/' },
    to: {
      reachable: true,
      path: [
        '(^|/)node_modules/zod/',
        '(^|/)node_modules/@modelcontextprotocol/',
        '(^|/)node_modules/undici/',
        '^src/(client|cli)/',
        '^mcp-server/',
        '^tracker/',
      ],
    },
  },
  {
    name: 'client-is-only-a-client',
    comment:
      'src/client talks to the tracker; it reaches no capture, CLI, handoff, MCP server or tracker code.',
    severity: 'error',
    from: { path: '^src/client/' },
    to: { reachable: true, path: '^(src/(capture|cli|handoff)|mcp-server|tracker|hooks)/' },
  },
  {
    name: 'mcp-server-is-an-entry',
    comment: 'The MCP server is its own process: nothing under src/ imports it.',
    severity: 'error',
    from: { path: '^src/' },
    to: { path: '^mcp-server/' },
  },
  {
    name: 'mcp-server-is-not-the-cli',
    comment:
      'The MCP server shares code with the CLI through src/core, src/client and src/handoff, never through src/cli ' +
      '(not even through another file): the CLI is an entry point too, and its modules assume a terminal.',
    severity: 'error',
    from: { path: '^mcp-server/' },
    to: { reachable: true, path: '^src/cli/' },
  },
  {
    name: 'only-the-gate-seals',
    comment:
      'Only the egress gate (src/core/egress) may seal a value as fit to leave; everything else sends what the gate returns.',
    severity: 'error',
    from: { pathNot: '^src/core/egress/' },
    to: { path: '^src/core/egress/seal[^/]*$' },
  },
  {
    name: 'no-circular',
    comment: 'No import cycles; KNOWN_CYCLES above lists the ones that predate this check.',
    severity: 'error',
    from: {},
    // One string: dependency-cruiser 17 joins an array under `via.path` but not under `via.pathNot`.
    to: { circular: true, via: { pathNot: KNOWN_CYCLES.join('|') } },
  },
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: RULES.filter((r) => (r.pass ?? 'source') === PASS).map(({ pass: _pass, ...rule }) => rule),
  options: {
    tsPreCompilationDeps: PASS === 'source',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: '(^|/)node_modules/' },
    // Not node_modules: excluding it would drop the dependencies on packages too (doNotFollow keeps them as leaves).
    exclude: { path: '^(dist|coverage|test-artifacts|[.]cache|[.]tmp)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
