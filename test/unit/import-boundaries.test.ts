// Import boundaries (.dependency-cruiser.cjs): the repository keeps them, and each rule bites on a synthetic module
// graph that breaks it, including a hook that reaches zod through an intermediate file (which ESLint cannot see).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  cruise,
  type IConfiguration,
  type ICruiseOptions,
  type ICruiseResult,
  type IViolation,
} from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');

type Pass = 'source' | 'runtime';

/** The config as `npm run lint:deps` loads it for one pass (the file reads BATON_DEPS_PASS when it loads). */
function loadConfig(pass: Pass): IConfiguration {
  const require = createRequire(import.meta.url);
  const file = require.resolve(join(root, '.dependency-cruiser.cjs'));
  const saved = process.env.BATON_DEPS_PASS;
  process.env.BATON_DEPS_PASS = pass;
  try {
    delete require.cache[file];
    return require(file) as IConfiguration;
  } finally {
    delete require.cache[file];
    if (saved === undefined) delete process.env.BATON_DEPS_PASS;
    else process.env.BATON_DEPS_PASS = saved;
  }
}
const configs: Record<Pass, IConfiguration> = {
  source: loadConfig('source'),
  runtime: loadConfig('runtime'),
};
/** What each pass cruises, as in package.json's lint:deps. */
const roots: Record<Pass, string> = { source: '.', runtime: 'hooks' };

/** Cruises `dir` with one pass of the repository's rules; the violations as "rule: from -> to", sorted. */
async function violations(dir: string, pass: Pass): Promise<string[]> {
  const { options: cfgOptions, ...ruleSet } = configs[pass];
  const tsConfigFile = join(dir, 'tsconfig.json');
  const options: ICruiseOptions = {
    ...cfgOptions,
    ruleSet,
    validate: true,
    baseDir: dir,
    tsConfig: { fileName: tsConfigFile },
  };
  const { output } = await cruise([roots[pass]], options, {}, { tsConfig: extractTSConfig(tsConfigFile) });
  return ((output as ICruiseResult).summary.violations as IViolation[])
    .map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)
    .sort();
}

test('npm run lint:deps runs both passes with this config', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts['lint:deps']).toBe(
    'depcruise --config .dependency-cruiser.cjs . && BATON_DEPS_PASS=runtime depcruise --config .dependency-cruiser.cjs hooks',
  );
});

test('the repository has no import-boundary violations (source pass)', { timeout: 180_000 }, async () => {
  expect(await violations(root, 'source')).toEqual([]);
});

test('the hook entry loads none of the forbidden modules (runtime pass)', { timeout: 180_000 }, async () => {
  expect(await violations(root, 'runtime')).toEqual([]);
});

describe('each rule bites on a module graph that breaks it', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A throw-away repository laid out like ours, with a stand-in zod package and the given source files. */
  function fixture(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'baton-depcruise-'));
    dirs.push(dir);
    const all: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'fixture', type: 'module', dependencies: { zod: '*' } }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true },
      }),
      'node_modules/zod/package.json': JSON.stringify({ name: 'zod', type: 'module', main: 'index.js' }),
      'node_modules/zod/index.js': 'export const z = {};\n',
      ...files,
    };
    for (const [path, text] of Object.entries(all)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  test('a hook that reaches zod through an intermediate file', async () => {
    const dir = fixture({
      'hooks/run.ts': "import { plan } from '../src/capture/hook/plan.js';\nplan();\n",
      'src/capture/hook/plan.ts':
        "import { parse } from './input.js';\nexport const plan = () => parse('');\n",
      // The only zod import is two files away from the hook entry, in a file ESLint's hook rule never looks at.
      'src/capture/hook/input.ts': "import { z } from 'zod';\nexport const parse = (s: string) => [z, s];\n",
    });
    expect(await violations(dir, 'runtime')).toEqual([
      'hook-hot-path-bare: hooks/run.ts -> node_modules/zod/index.js',
    ]);
  });

  test('a hook may import a type from a module that loads zod (erased at build), not a value', async () => {
    const hookImporting = (entry: string) =>
      fixture({
        'hooks/run.ts': entry,
        'src/core/api.ts':
          "import { z } from 'zod';\nexport type Reason = string;\nexport const schema = z;\n",
      });
    const typeOnly =
      "import type { Reason } from '../src/core/api.js';\nexport const r: Reason | null = null;\n";
    const value = "import { schema } from '../src/core/api.js';\nexport const s = schema;\n";
    expect(await violations(hookImporting(typeOnly), 'runtime')).toEqual([]);
    expect(await violations(hookImporting(value), 'runtime')).toEqual([
      'hook-hot-path-bare: hooks/run.ts -> node_modules/zod/index.js',
    ]);
  });

  test('core, tracker, client, migrations, MCP server, seal and cycle rules', async () => {
    const dir = fixture({
      'src/core/egress/seal.ts': 'export const seal = (v: string) => v;\n',
      'src/core/egress/gate.ts': "import { seal } from './seal.js';\nexport const gate = seal;\n",
      'src/core/model.ts': "import { send } from '../client/send.js';\nexport const model = send;\n",
      // The client reaches the CLI through a file of its own.
      'src/client/send.ts': "import { helper } from './helper.js';\nexport const send = helper;\n",
      'src/client/helper.ts': "import { cli } from '../cli/main.js';\nexport const helper = cli;\n",
      'src/cli/main.ts': "import { serve } from '../../mcp-server/index.js';\nexport const cli = serve;\n",
      'mcp-server/index.ts': 'export const serve = 1;\n',
      'src/capture/sink.ts': "import { seal } from '../core/egress/seal.js';\nexport const sink = seal;\n",
      'tracker/app.ts': "import { send } from '../src/client/send.js';\nexport const app = send;\n",
      'tracker/live/tables.ts': 'export const tables = [];\n',
      'tracker/db/migrations/0002.ts':
        "import { tables } from '../../live/tables.js';\nexport const m = tables;\n",
      'src/handoff/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/handoff/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      // An allow-listed cycle stays allowed; a new one through an allow-listed file does not.
      'src/capture/outbox/spill.ts': "import type { W } from './writer.js';\nexport type S = W;\n",
      'src/capture/outbox/writer.ts': "import type { S } from './spill.js';\nexport type W = S | 1;\n",
      'src/cli/program.ts': "import { extra } from './extra.js';\nexport const program = extra;\n",
      'src/cli/extra.ts': "import { program } from './program.js';\nexport const extra = () => program;\n",
    });
    expect(await violations(dir, 'source')).toEqual([
      'client-is-only-a-client: src/client/helper.ts -> mcp-server/index.ts',
      'client-is-only-a-client: src/client/helper.ts -> src/cli/main.ts',
      'client-is-only-a-client: src/client/send.ts -> mcp-server/index.ts',
      'client-is-only-a-client: src/client/send.ts -> src/cli/main.ts',
      'core-is-pure: src/core/model.ts -> src/client/send.ts',
      'mcp-server-is-an-entry: src/cli/main.ts -> mcp-server/index.ts',
      'migrations-stand-alone: tracker/db/migrations/0002.ts -> tracker/live/tables.ts',
      'no-circular: src/cli/extra.ts -> src/cli/program.ts',
      'no-circular: src/handoff/a.ts -> src/handoff/b.ts',
      'only-the-gate-seals: src/capture/sink.ts -> src/core/egress/seal.ts',
      'tracker-deploys-alone: tracker/app.ts -> src/client/send.ts',
    ]);
  });

  test('the MCP server does not reach the CLI, and the tracker has no allow-listed cycle left', async () => {
    const dir = fixture({
      // Through a file that may be shared (src/handoff), the CLI is still out of reach.
      'mcp-server/tools/resume.ts': "import { h } from '../../src/handoff/h.js';\nexport const r = h;\n",
      'src/handoff/h.ts': "import { paint } from '../cli/style.js';\nexport const h = paint;\n",
      'src/cli/style.ts': 'export const paint = 1;\n',
      'mcp-server/tools/list.ts': "import { h2 } from '../../src/handoff/h2.js';\nexport const l = h2;\n",
      'src/handoff/h2.ts': 'export const h2 = 2;\n',
      // The route factory's cycles were untangled (4f25723): one coming back is reported again.
      'tracker/openapi.ts': "import { routes } from './routes/index.js';\nexport const doc = () => routes;\n",
      'tracker/routes/index.ts': "import { doc } from '../openapi.js';\nexport const routes = () => doc;\n",
    });
    expect(await violations(dir, 'source')).toEqual([
      'mcp-server-is-not-the-cli: mcp-server/tools/resume.ts -> src/cli/style.ts',
      'no-circular: tracker/openapi.ts -> tracker/routes/index.ts',
    ]);
  });
});
