// Bundles every runtime entry into dist/ with esbuild. `--check` rebuilds into a temp dir and fails when dist/ differs.
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetProblems, budgets } from './bundle-budget.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

// ESM bundles still meet CommonJS deps that call require(); give them one.
const esmBanner =
  "import { createRequire as __bt_createRequire } from 'node:module'; const require = __bt_createRequire(import.meta.url);";

/** One row per runtime entry. The hook is CommonJS and minified: it runs on every prompt, start-up time is the budget. */
export const entries = [
  { src: 'hooks/run.ts', out: 'hook.cjs', format: 'cjs', minify: true },
  { src: 'src/capture/delivery/sender/sender-main.ts', out: 'sender.cjs', format: 'cjs', minify: true },
  // One detached relay per live session (started by `--live`, restarted by hooks): streams events to viewers.
  { src: 'src/capture/delivery/live/relay-main.ts', out: 'live-relay.cjs', format: 'cjs', minify: true },
  // cli.js only picks a bundle (see src/cli/main.ts): `baton export` runs from cli-export.js, the same program with a
  // registry of that one command, so it does not parse and initialize every other command's code first.
  { src: 'src/cli/main.ts', out: 'cli.js', format: 'esm', shebang: true, external: [] },
  { src: 'src/cli/cli-main.ts', out: 'cli-main.js', format: 'esm', external: [] },
  {
    src: 'src/cli/cli-main.ts',
    out: 'cli-export.js',
    format: 'esm',
    external: [],
    registry: 'src/cli/commands/export-only.ts',
  },
  { src: 'mcp-server/index.ts', out: 'mcp-server.js', format: 'esm' },
  // The tracker is not part of the plugin runtime: it keeps its native drivers in node_modules.
  {
    src: 'tracker/main.ts',
    out: 'tracker.js',
    format: 'esm',
    external: ['better-sqlite3', 'pg', 'pg-native'],
  },
];

/** Resolves program.ts's `./commands/index.js` to another registry module, for bundles serving fewer commands. */
function registryPlugin(registry) {
  return {
    name: 'baton-registry',
    setup(b) {
      b.onResolve({ filter: /^\.\/commands\/index\.js$/ }, (args) =>
        args.importer === join(root, 'src', 'cli', 'program.ts') ? { path: join(root, registry) } : undefined,
      );
    },
  };
}

async function buildInto(outdir) {
  mkdirSync(outdir, { recursive: true });
  const built = [];
  for (const e of entries) {
    if (!existsSync(join(root, e.src))) {
      console.warn(`build: skipping ${e.src} (not written yet)`);
      continue;
    }
    const banner = [e.shebang ? '#!/usr/bin/env node' : '', e.format === 'esm' ? esmBanner : '']
      .filter(Boolean)
      .join('\n');
    const result = await build({
      absWorkingDir: root,
      entryPoints: [join(root, e.src)],
      outfile: join(outdir, e.out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: e.format,
      minify: Boolean(e.minify),
      legalComments: 'none',
      sourcemap: false,
      charset: 'utf8',
      external: e.external ?? [],
      banner: banner ? { js: banner } : undefined,
      define: { 'process.env.BATON_BUILD_VERSION': JSON.stringify(readVersion()) },
      plugins: e.registry ? [registryPlugin(e.registry)] : [],
      logLevel: 'warning',
      metafile: e.out in budgets,
    });
    const problems = budgetProblems(e.out, result.metafile, statSync(join(outdir, e.out)).size);
    if (problems.length) throw new Error(`bundle budget exceeded:\n  ${problems.join('\n  ')}`);
    built.push(e.out);
  }
  return built;
}

function readVersion() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

async function main() {
  const dist = join(root, 'dist');
  if (args.has('--check')) {
    const tmp = mkdtempSync(join(tmpdir(), 'baton-build-'));
    try {
      const built = await buildInto(tmp);
      const stale = built.filter((f) => {
        const committed = join(dist, f);
        return !existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(tmp, f)));
      });
      const extra = existsSync(dist) ? readdirSync(dist).filter((f) => !built.includes(f)) : [];
      if (stale.length || extra.length) {
        console.error(
          `dist/ is stale: ${[...stale, ...extra.map((f) => `${f} (unexpected)`)].join(', ')}. Run npm run build and commit.`,
        );
        process.exit(1);
      }
      console.log(`dist/ is fresh (${built.length} bundles)`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }
  const built = await buildInto(dist);
  for (const f of built) console.log(`dist/${f}  ${(statSync(join(dist, f)).size / 1024).toFixed(1)} KB`);
  void relative;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
