// Entry of the `baton` command line (dist/cli.js, a few lines): runs `baton export` from its own small bundle
// (dist/cli-export.js) and every other command from dist/cli-main.js. Loading one bundle with every command costs an
// export ~100 ms of CPU before it reads a byte (parsing the others' code, loading the built-in modules they import),
// which is 15% of its throughput target; see docs/benchmarks.md.
const argv = process.argv.slice(2);
let i = 0;
// Global flags come before the command name, as program.ts's applyGlobalFlags reads them.
while (argv[i] === '--plugin-data' && argv.length - i >= 2) i += 2;
// From source (tsx src/cli/main.ts) there is no export-only bundle: cli-main.ts serves every command.
const bundled = !import.meta.url.endsWith('.ts');
const target = bundled && argv[i] === 'export' ? './cli-export.js' : './cli-main.js';
// A runtime-built specifier: esbuild must not inline either bundle into this one.
await import(new URL(target, import.meta.url).href);
