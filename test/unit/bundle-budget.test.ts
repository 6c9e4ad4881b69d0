// The hook's bundle budget (scripts/bundle-budget.mjs): the build fails when dist/hook.cjs pulls in a forbidden
// module or outgrows its size, judged from esbuild's metafile (the build itself was seen failing on `import 'zod'`).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, without type declarations
import { budgetProblems, budgets } from '../../scripts/bundle-budget.mjs';

const meta = (...inputs: string[]) => ({ inputs: Object.fromEntries(inputs.map((i) => [i, {}])) });

describe('bundle budget of dist/hook.cjs', () => {
  it('refuses zod, the MCP SDK, undici, the MCP server and the tracker, naming the first input and the count', () => {
    const problems: string[] = budgetProblems(
      'hook.cjs',
      meta(
        'hooks/run.ts',
        'node_modules/zod/v4/core/util.js',
        'node_modules/zod/index.js',
        'node_modules/@modelcontextprotocol/sdk/dist/x.js',
        'mcp-server/server.ts',
      ),
      1000,
    );
    expect(problems).toEqual([
      'hook.cjs pulls in node_modules/zod/v4/core/util.js and 1 more: full zod costs ~40 ms of start-up',
      'hook.cjs pulls in node_modules/@modelcontextprotocol/sdk/dist/x.js: the MCP SDK belongs to the MCP server',
      'hook.cjs pulls in mcp-server/server.ts: the MCP server is its own process',
    ]);
  });

  it('refuses growth past the size budget, and passes the committed bundle', () => {
    const max = budgets['hook.cjs'].maxBytes as number;
    expect(budgetProblems('hook.cjs', meta('hooks/run.ts'), max + 1)).toEqual([
      `hook.cjs is ${max + 1} bytes, over its budget of ${max}`,
    ]);
    const size = statSync(join(import.meta.dirname, '../../dist/hook.cjs')).size;
    expect(budgetProblems('hook.cjs', meta('hooks/run.ts', 'src/capture/hook-main.ts'), size)).toEqual([]);
  });

  it('leaves bundles without a budget alone', () => {
    expect(budgetProblems('mcp-server.js', meta('node_modules/zod/index.js'), 10_000_000)).toEqual([]);
  });
});
