// createServer(deps): the Baton MCP server with its tools registered. Side-effect free: connect a transport to use it.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ServerDeps } from './context.js';
import { registerExportSession } from './tools/export-session.js';
import { registerGetSession } from './tools/get-session.js';
import { registerListSessions } from './tools/list-sessions.js';
import { registerLiveUpdate } from './tools/live-update.js';
import { registerPushSession } from './tools/push-session.js';
import { registerResumeSession } from './tools/resume-session.js';

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
        'file; live_update streams this session live to viewers. Secrets are redacted before anything is sent.',
    },
  );
  // BATON_DISABLE=1 turns all of Baton off: the server still answers the protocol, with no tools.
  if (deps.config.disabled) return server;
  registerPushSession(server, deps);
  registerLiveUpdate(server, deps);
  registerListSessions(server, deps);
  registerResumeSession(server, deps);
  registerGetSession(server, deps);
  registerExportSession(server, deps);
  return server;
}
