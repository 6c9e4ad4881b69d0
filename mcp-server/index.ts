// Entry of dist/mcp-server.js (started by Claude Code from .mcp.json): the Baton MCP server over stdio.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { depsFromProcess } from './deps.js';
import { createServer } from './server.js';

async function main(): Promise<void> {
  const deps = depsFromProcess(process.env, { cwd: process.cwd(), ppid: process.ppid });
  const server = createServer(deps);
  await server.connect(new StdioServerTransport());
  deps.log(
    `ready (data dir ${deps.config.dataDir}${deps.config.trackerUrl ? `, tracker ${deps.config.trackerUrl}` : ', no tracker'})`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`baton-mcp: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
