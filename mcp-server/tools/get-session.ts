// get_session: a session's summary and its most recent turns, from this machine's transcript or the tracker.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { createRedactor } from '../../src/core/redact/index.js';
import { loadSession } from '../../src/core/transcript/index.js';
import type { ServerDeps } from '../context.js';
import { resolveSession } from '../current-session.js';
import { digestFrom, recentTurns, renderDigest, type SessionDigest } from '../session-digest.js';
import { guarded, ok } from '../tool-result.js';
import { requireTracker } from '../tracker.js';

const inputSchema = {
  sessionId: z.string().max(200).optional().describe('Session id; omit (or "current") for the session you are in.'),
  turns: z.number().int().min(1).max(20).optional().describe('How many recent turns to include (default 3).'),
};

const Turn = z.object({ index: z.number(), prompt: z.string(), tools: z.array(z.string()), reply: z.string() });
const outputSchema = {
  sessionId: z.string(),
  source: z.enum(['local', 'tracker']),
  title: z.string().nullable(),
  project: z.string().nullable(),
  cwd: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  turns: z.number(),
  toolCalls: z.number(),
  tokens: z.number(),
  costUsd: z.number().nullable(),
  durationMs: z.number(),
  filesTouched: z.array(z.string()),
  recent: z.array(Turn),
  url: z.string().optional(),
};

/** Events read from the tracker for the recent turns: the tail of the session, at most this many. */
const TAIL_EVENTS = 400;

export function registerGetSession(server: McpServer, deps: ServerDeps): void {
  server.registerTool(
    'get_session',
    {
      title: 'Get session summary',
      description:
        'Returns a Claude Code session\'s summary (title, project, turns, tools, tokens, cost, duration, files touched) ' +
        'and its last few turns (prompt, tools used, final reply), redacted. Reads the transcript on this machine when ' +
        'it is here, else the copy on the Baton tracker.',
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    guarded(async (args) => {
      const n = args.turns ?? 3;
      const ref = await resolveSession(deps, args.sessionId);
      let digest: SessionDigest;
      let url: string | undefined;
      let source: 'local' | 'tracker';
      if (ref.transcriptPath) {
        const s = createRedactor({ enabled: deps.config.redact }).redactSession(await loadSession(ref.transcriptPath));
        const events = s.turns.flatMap((t) => t.events.map((event) => ({ turnIndex: t.index, event })));
        digest = digestFrom(s.meta, s.totals, recentTurns(events, n));
        source = 'local';
      } else {
        const client = requireTracker(deps);
        const head = await client.sessions.get(ref.sessionId, { limit: 0 });
        const total = head.eventsPage.total;
        const page = await client.sessions.get(ref.sessionId, { offset: Math.max(0, total - TAIL_EVENTS), limit: TAIL_EVENTS });
        digest = digestFrom(page.meta, page.session.totals, recentTurns(page.events, n));
        url = page.session.url;
        source = 'tracker';
      }
      const text = `${renderDigest(digest)}${url ? `\n\nOn the tracker: ${url}` : ''}`;
      return ok(text, { ...digest, source, ...(url ? { url } : {}) });
    }),
  );
}
