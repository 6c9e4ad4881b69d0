// createServer(deps): the Baton MCP server with its tools registered. Side-effect free: connect a transport to use it.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from './server-deps.js';
import { TOOLS } from './tools/index.js';

export const SERVER_NAME = 'baton-tracker';

export function createServer(
  deps: ServerDeps,
  version = process.env.BATON_BUILD_VERSION ?? 'dev',
): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version },
    {
      instructions:
        "Baton tools for Claude Code sessions: push_session uploads a session to the user's Baton tracker; " +
        'list_sessions / get_session / resume_session find and read earlier sessions; export_session writes a local ' +
        'file; start_live streams this session live to viewers (send_live_note, set_live_status, pause_live, ' +
        'resume_live, stop_live, get_live_status manage the stream). Secrets are redacted before anything is sent.',
    },
  );
  // BATON_DISABLE=1 turns all of Baton off: the server still answers the protocol, with no tools.
  if (deps.config.disabled) return server;
  for (const tool of TOOLS) tool.register(server, deps);
  return server;
}
