// Bundles every runtime entry into dist/ with esbuild. `--check` rebuilds into a temp dir and fails when dist/ differs.
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
  // PDF and Word writers with their libraries and fonts (~4 MB): loaded by dynamic import only for those formats
  // (src/core/export/documents/load.ts), so no other command pays for parsing them. Fonts are embedded (fontPlugin).
  {
    src: 'src/core/export/documents/writers.ts',
    out: 'export-docs.js',
    format: 'esm',
    minify: true,
    fonts: true,
  },
  // `export --comments`: the tracker client, loaded by dynamic import only then (src/export/load-comments.ts).
  { src: 'src/export/session-comments.ts', out: 'export-comments.js', format: 'esm' },
  { src: 'mcp-server/index.ts', out: 'mcp-server.js', format: 'esm' },
  // `import { createTrackerSessionStore } from 'baton/session-store'` (package.json exports): for Agent SDK programs.
  { src: 'src/session-store/index.ts', out: 'session-store.js', format: 'esm' },
  // The tracker is not part of the plugin runtime: it keeps its native drivers in node_modules.
  {
    src: 'tracker/main.ts',
    out: 'tracker.js',
    format: 'esm',
    external: ['better-sqlite3', 'pg', 'pg-native'],
  },
];

/**
 * Type declarations shipped beside a library bundle (package.json `exports` points at them). `types` must import
 * nothing, so its declarations stand alone; `entry`'s own declarations follow them, minus its imports of `types`.
 */
export const declarations = [
  { out: 'session-store.d.ts', types: 'src/session-store/types.ts', entry: 'src/session-store/index.ts' },
];

/**
 * Browser code is TypeScript too, bundled for browsers into generated modules of script texts: the tracker serves
 * its pages' scripts (tracker/web/assets/*.ts re-export them) and the HTML export inlines its page script. Modules
 * rather than files in dist/: the tracker runs from source in tests and bundled in dist/tracker.js, the exporter
 * from every CLI bundle, and all import them the same way. Committed like the highlighter; `--check` fails when one
 * is stale.
 */
export const browserModules = [
  {
    module: 'tracker/web/assets/generated/browser-scripts.ts',
    scripts: [
      { src: 'tracker/web/client/live.ts', name: 'LIVE_JS', doc: '/assets/live.js' },
      { src: 'tracker/web/client/app.ts', name: 'APP_JS', doc: '/assets/app.js' },
      { src: 'tracker/web/client/replay.ts', name: 'REPLAY_JS', doc: '/assets/replay.js' },
      { src: 'tracker/web/client/app.css', name: 'APP_CSS', doc: '/assets/app.css' },
    ],
  },
  {
    module: 'src/core/export/generated/page-script.ts',
    scripts: [
      {
        src: 'src/core/export/client/main.ts',
        name: 'PAGE_JS',
        doc: "The HTML export's search and lazy highlighting; expects `H` (generated/highlighter.ts) in scope",
      },
    ],
  },
];

/** A generated module's text, formatted as Prettier would (the repository's format check covers it). */
async function browserModuleText({ module, scripts }) {
  const parts = [];
  for (const s of scripts) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [join(root, s.src)],
      bundle: true,
      write: false,
      platform: 'browser',
      // Stylesheets are only minified: `target` names JavaScript versions, and no CSS here needs lowering.
      ...(s.src.endsWith('.css') ? {} : { format: 'iife', target: 'es2017' }),
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
    });
    const js = result.outputFiles[0].text.trimEnd();
    parts.push(
      `/** ${s.doc}, built from ${s.src}. */\nexport const ${s.name}: string = ${JSON.stringify(js)};\n`,
    );
  }
  const text =
    '// GENERATED by scripts/build.mjs (esbuild, IIFE, es2017, minified): do not edit,\n' +
    '// run `node scripts/build.mjs --browser` and commit.\n\n' +
    parts.join('\n');
  const prettier = await import('prettier');
  const file = join(root, module);
  return prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
}

async function writeBrowserModules() {
  for (const m of browserModules) {
    const file = join(root, m.module);
    mkdirSync(dirname(file), { recursive: true });
    const text = await browserModuleText(m);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
    console.log(`${m.module}  ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
  }
}

async function checkBrowserModules() {
  for (const m of browserModules) {
    const file = join(root, m.module);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== (await browserModuleText(m))) {
      console.error(`${m.module} is stale. Run node scripts/build.mjs --browser and commit.`);
      process.exit(1);
    }
    console.log(`${m.module} is fresh`);
  }
}

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

/**
 * Swaps src/core/export/documents/font-files.ts (which reads the fonts from node_modules) for a module that embeds
 * them, so dist/export-docs.js runs where no node_modules exist. Same names and files as FONT_FILES there.
 */
const fontPlugin = {
  name: 'baton-fonts',
  setup(b) {
    b.onResolve({ filter: /\/font-files\.js$/ }, (args) =>
      args.importer.includes(join('src', 'core', 'export', 'documents'))
        ? { path: 'font-files', namespace: 'baton-fonts' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'baton-fonts' }, () => ({
      resolveDir: root,
      loader: 'js',
      contents: [
        "import sans from '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff';",
        "import bold from '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff';",
        "import mono from '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff';",
        'const FILES = { sans, bold, mono };',
        'export function readFontFile(name) { return FILES[name]; }',
      ].join('\n'),
    }));
  },
};

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
      plugins: [...(e.registry ? [registryPlugin(e.registry)] : []), ...(e.fonts ? [fontPlugin] : [])],
      loader: e.fonts ? { '.woff': 'binary' } : undefined,
      logLevel: 'warning',
      metafile: e.out in budgets,
    });
    const problems = budgetProblems(e.out, result.metafile, statSync(join(outdir, e.out)).size);
    if (problems.length) throw new Error(`bundle budget exceeded:\n  ${problems.join('\n  ')}`);
    built.push(e.out);
  }
  return [...built, ...(await writeDeclarations(outdir))];
}

/** One declaration file's text, from the TypeScript sources alone (isolated declarations: no type checking run). */
async function declarationText({ types, entry }) {
  const ts = (await import('typescript')).default;
  const emit = (file) => {
    const r = ts.transpileDeclaration(readFileSync(join(root, file), 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022 },
    });
    if (r.diagnostics?.length)
      throw new Error(`${file}: cannot emit declarations: ${r.diagnostics[0].messageText}`);
    return r.outputText;
  };
  const typesModule = `./${types.split('/').pop().replace(/\.ts$/, '.js')}`;
  const own = emit(entry)
    .split('\n')
    .filter((l) => !(l.includes(`from '${typesModule}'`) && /^(import|export) type /.test(l)))
    .join('\n');
  return `// GENERATED by scripts/build.mjs from ${types} and ${entry}: do not edit.\n${emit(types)}${own}`;
}

async function writeDeclarations(outdir) {
  const built = [];
  for (const d of declarations) {
    if (!existsSync(join(root, d.types)) || !existsSync(join(root, d.entry))) continue;
    writeFileSync(join(outdir, d.out), await declarationText(d));
    built.push(d.out);
  }
  return built;
}

function readVersion() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

async function main() {
  const dist = join(root, 'dist');
  if (args.has('--browser')) {
    if (args.has('--check')) await checkBrowserModules();
    else await writeBrowserModules();
    return;
  }
  if (args.has('--check')) {
    await checkBrowserModules();
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
  await writeBrowserModules();
  const built = await buildInto(dist);
  for (const f of built) console.log(`dist/${f}  ${(statSync(join(dist, f)).size / 1024).toFixed(1)} KB`);
  void relative;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
