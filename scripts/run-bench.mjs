// Runs every benchmark under bench/ (or the ones named) one after another; each writes its docs/benchmarks.md section.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const all = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
const names = wanted.length ? wanted : all;
let failed = 0;
for (const name of names) {
  console.log(`\n=== bench/${name}.ts ===`);
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'bench', `${name}.ts`)],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
